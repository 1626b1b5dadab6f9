package adreview.store;

import java.util.Objects;

/** A resolved ad copy and where it came from; {@code text} is null only for {@link AdCopySource#NONE}. */
public record AdCopy(String text, AdCopySource source) {

    /** No ad copy anywhere. */
    public static final AdCopy NONE = new AdCopy(null, AdCopySource.NONE);

    public AdCopy {
        Objects.requireNonNull(source, "source");
        if ((text == null) != (source == AdCopySource.NONE)) {
            throw new IllegalArgumentException("ad copy text must be present exactly when source is not NONE");
        }
    }

    /** True when there is a text to put in the prompt. */
    public boolean present() {
        return text != null;
    }
}
