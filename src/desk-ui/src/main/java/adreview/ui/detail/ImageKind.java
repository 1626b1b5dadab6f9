package adreview.ui.detail;

import adreview.ui.i18n.Messages;

/** Which image of a variant the detail pane shows. */
public enum ImageKind {
    GENERATED,
    RENDER;

    /** "Generated" or "Render", in the desk's language. */
    public String label() {
        return Messages.get("image.kind." + name().toLowerCase(java.util.Locale.ROOT));
    }
}
