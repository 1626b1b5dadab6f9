package adreview.store;

import java.util.Objects;
import java.util.UUID;

/**
 * The rendered ad Stage 2 judges.
 *
 * @param url       the render's URL; null only for {@link RenderSource#NONE}
 * @param overlayId the variant's newest overlay layout (goes into the Stage 2 request), null if none
 */
public record ResolvedRender(String url, RenderSource source, UUID overlayId) {

    public ResolvedRender {
        Objects.requireNonNull(source, "source");
        if ((url == null) != (source == RenderSource.NONE)) {
            throw new IllegalArgumentException("render url must be present exactly when source is not NONE");
        }
    }

    /** True when there is a render to judge. */
    public boolean present() {
        return url != null;
    }
}
