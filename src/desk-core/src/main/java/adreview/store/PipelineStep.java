package adreview.store;

import java.util.Arrays;
import java.util.Optional;

/**
 * Steps of a variant in pipeline order (SPEC section 1). A real pipeline may know more steps
 * between {@code yolo_detect} and {@code overlay}; rows keep the column value as text, and this
 * enum names the steps the desk itself writes or filters on.
 */
public enum PipelineStep {
    IMG_GEN("img_gen"),
    VLM_ANALYZE("vlm_analyze"),
    YOLO_DETECT("yolo_detect"),
    OVERLAY("overlay"),
    VLM_JUDGE("vlm_judge"),
    OCR_EVAL("ocr_eval");

    private final String dbValue;

    PipelineStep(String dbValue) {
        this.dbValue = dbValue;
    }

    /** The value in the {@code current_step} column. */
    public String dbValue() {
        return dbValue;
    }

    /** The enum for a column value, empty for steps this desk does not know. */
    public static Optional<PipelineStep> fromDb(String value) {
        return Arrays.stream(values()).filter(s -> s.dbValue.equals(value)).findFirst();
    }

    @Override
    public String toString() {
        return dbValue;
    }
}
