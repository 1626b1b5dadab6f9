package adreview.ui.detail;

/** Which image of a variant the detail pane shows. */
public enum ImageKind {
    GENERATED("Generated"),
    RENDER("Render");

    private final String label;

    ImageKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
