package adreview.store;

/** How a run claim ({@code desk_runs}) was closed: the {@code outcome} column. */
public enum ClaimOutcome {
    /** The answer parsed; the variant was set {@code done}. */
    DONE("done"),
    /** Model, image or answer failure; the variant was set {@code failed}. */
    FAILED("failed"),
    /** The run was stopped (Ctrl-C, SIGTERM, the window closed); the variant was set {@code failed}. */
    CANCELLED("cancelled"),
    /** The reviewer cancelled (Esc); the variant was put back as it was before the run. */
    RESTORED("restored"),
    /** The variant had moved on (or the claim was recovered) before the run ended; the variant was left alone. */
    SUPERSEDED("superseded"),
    /** The owning process died or stopped its heartbeat; another process closed the claim. */
    RECOVERED("recovered");

    private final String dbValue;

    ClaimOutcome(String dbValue) {
        this.dbValue = dbValue;
    }

    public String dbValue() {
        return dbValue;
    }

    public static ClaimOutcome fromDb(String value) {
        for (ClaimOutcome o : values()) {
            if (o.dbValue.equals(value)) {
                return o;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return dbValue;
    }
}
