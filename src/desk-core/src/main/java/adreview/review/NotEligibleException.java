package adreview.review;

import java.util.UUID;

/** A pipeline run refused by {@link RunEligibility}: the variant's state is not one the stage starts from. */
public final class NotEligibleException extends StageRefusedException {

    private final RunEligibility stage;
    private final UUID variantId;
    private final String step;
    private final String status;

    public NotEligibleException(RunEligibility stage, UUID variantId, String step, String status) {
        super(stage.refusal(variantId, step, status));
        this.stage = stage;
        this.variantId = variantId;
        this.step = step;
        this.status = status;
    }

    public RunEligibility stage() {
        return stage;
    }

    public UUID variantId() {
        return variantId;
    }

    /** The variant's state as found, "ocr_eval/done". */
    public String state() {
        return step + "/" + status;
    }
}
