package adreview.ui.review;

import adreview.review.RunEligibility;

/** The two model checks a reviewer can run. */
public enum StageKind {
    STAGE1("Stage 1", "image fits the ad copy"),
    STAGE2("Stage 2", "finished ad");

    private final String label;
    private final String purpose;

    StageKind(String label, String purpose) {
        this.label = label;
        this.purpose = purpose;
    }

    public String label() {
        return label;
    }

    public String purpose() {
        return purpose;
    }

    /** Which states a pipeline run of this stage may start from. */
    public RunEligibility eligibility() {
        return this == STAGE2 ? RunEligibility.STAGE2 : RunEligibility.STAGE1;
    }
}
