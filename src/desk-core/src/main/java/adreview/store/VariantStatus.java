package adreview.store;

import java.util.Arrays;
import java.util.Optional;

/** Status of a job or variant, as the pipeline writes it. Other services poll it. */
public enum VariantStatus {
    QUEUED("queued"),
    RUNNING("running"),
    DONE("done"),
    FAILED("failed");

    private final String dbValue;

    VariantStatus(String dbValue) {
        this.dbValue = dbValue;
    }

    /** The value in the {@code status} column. */
    public String dbValue() {
        return dbValue;
    }

    /** The enum for a column value, empty for values this desk does not know. */
    public static Optional<VariantStatus> fromDb(String value) {
        return Arrays.stream(values()).filter(s -> s.dbValue.equals(value)).findFirst();
    }

    @Override
    public String toString() {
        return dbValue;
    }
}
