package adreview.ui.data;

/** The ad copy Stage 1 would use and where it came from; {@code text} is empty for {@link AdCopySource#NONE}. */
public record ResolvedAdCopy(String text, AdCopySource source) {

    public static ResolvedAdCopy none() {
        return new ResolvedAdCopy("", AdCopySource.NONE);
    }
}
