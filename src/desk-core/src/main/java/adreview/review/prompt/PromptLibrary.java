package adreview.review.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The shipped prompts, read from {@code /prompts/<version>.txt} on the class path. Stage 1 comes
 * in two forms (with the ad copy placed at {@code {ad_copy}}, and without ad copy, SPEC §2); Stage 2
 * is {@code stage2-v1}. A reviewer's edited prompt for one run is {@link #custom}.
 */
public final class PromptLibrary {

    public static final String STAGE1 = "stage1-v1";
    public static final String STAGE1_NO_AD_COPY = "stage1-noadcopy-v1";
    public static final String STAGE2 = "stage2-v1";
    public static final String AD_COPY_PLACEHOLDER = "{ad_copy}";

    private final String stage1;
    private final String stage1NoAdCopy;
    private final String stage2;

    public PromptLibrary() {
        this.stage1 = read(STAGE1);
        this.stage1NoAdCopy = read(STAGE1_NO_AD_COPY);
        this.stage2 = read(STAGE2);
    }

    /** Stage 1 for this ad copy; a null or blank ad copy gives the image-only prompt. */
    public Prompt stage1(String adCopy) {
        if (adCopy == null || adCopy.isBlank()) {
            return new Prompt(Prompt.Stage.STAGE1, STAGE1_NO_AD_COPY, stage1NoAdCopy);
        }
        return new Prompt(Prompt.Stage.STAGE1, STAGE1, stage1.replace(AD_COPY_PLACEHOLDER, adCopy));
    }

    public Prompt stage2() {
        return new Prompt(Prompt.Stage.STAGE2, STAGE2, stage2);
    }

    /** The unfilled template text of a shipped version, e.g. to pre-fill an editor. */
    public String template(String version) {
        return switch (version) {
            case STAGE1 -> stage1;
            case STAGE1_NO_AD_COPY -> stage1NoAdCopy;
            case STAGE2 -> stage2;
            default -> throw new IllegalArgumentException("Unknown prompt version " + version
                    + "; known: " + STAGE1 + ", " + STAGE1_NO_AD_COPY + ", " + STAGE2);
        };
    }

    /**
     * A reviewer-edited prompt for one run (version {@code custom}); {@code {ad_copy}} in it is
     * replaced by the ad copy when there is one.
     */
    public Prompt custom(Prompt.Stage stage, String text, String adCopy) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("An edited prompt must not be empty");
        }
        String filled = adCopy == null ? text : text.replace(AD_COPY_PLACEHOLDER, adCopy);
        return new Prompt(stage, Prompt.CUSTOM, filled.strip());
    }

    private static String read(String version) {
        String resource = "/prompts/" + version + ".txt";
        try (InputStream in = PromptLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Prompt resource " + resource + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read prompt resource " + resource, e);
        }
    }
}
