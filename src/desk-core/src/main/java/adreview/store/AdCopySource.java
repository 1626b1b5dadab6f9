package adreview.store;

/** Where a resolved ad copy came from (SPEC section 2, step 3), first hit wins in this order. */
public enum AdCopySource {
    /** The reviewer typed it. */
    TYPED("typed"),
    /** Newest done {@code txt_ad_copy_generations.ad_copy_eng} of the job. */
    GENERATED_COPY("generated copy"),
    /** {@code job_inputs.desc_eng}, the job's brief. */
    JOB_BRIEF("job brief"),
    /** Nothing: the image is evaluated alone. */
    NONE("none");

    private final String label;

    AdCopySource(String label) {
        this.label = label;
    }

    /** Words for the UI. */
    public String label() {
        return label;
    }
}
