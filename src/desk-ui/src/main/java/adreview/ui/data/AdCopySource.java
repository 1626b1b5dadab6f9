package adreview.ui.data;

/** Where a resolved ad copy came from, in the order of SPEC §2 step 3 (first hit wins). */
public enum AdCopySource {
    TYPED("typed by the reviewer"),
    GENERATED_COPY("generated ad copy (txt_ad_copy_generations)"),
    JOB_BRIEF("job brief (job_inputs.desc_eng)"),
    NONE("no ad copy: the image is evaluated alone");

    private final String description;

    AdCopySource(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
