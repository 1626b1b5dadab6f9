package adreview.review.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shipped prompts, read from {@code /prompts/<version>.txt} on the class path. Stage 1 comes
 * in two forms (with the ad copy placed at {@code {ad_copy}}, and without ad copy, SPEC §2); each
 * stage has versions ({@code stage1-v1} is SPEC's prompt, {@code stage1-v2} a stricter rewording;
 * {@code stage2-v1}, {@code stage2-v2}), so that runs with different prompts can be compared. The
 * v1 prompts are the defaults. A reviewer's edited prompt for one run is {@link #custom}.
 */
public final class PromptLibrary {

    public static final String STAGE1 = "stage1-v1";
    public static final String STAGE1_V2 = "stage1-v2";
    public static final String STAGE1_NO_AD_COPY = "stage1-noadcopy-v1";
    public static final String STAGE2 = "stage2-v1";
    public static final String STAGE2_V2 = "stage2-v2";
    public static final String AD_COPY_PLACEHOLDER = "{ad_copy}";

    /** Versions that take the ad copy (Stage 1) and the Stage 2 versions, in the order they were written. */
    private static final List<String> STAGE1_VERSIONS = List.of(STAGE1, STAGE1_V2);
    private static final List<String> STAGE2_VERSIONS = List.of(STAGE2, STAGE2_V2);

    private final Map<String, String> templates = new LinkedHashMap<>();

    public PromptLibrary() {
        for (String version : List.of(STAGE1, STAGE1_V2, STAGE1_NO_AD_COPY, STAGE2, STAGE2_V2)) {
            templates.put(version, read(version));
        }
    }

    /** Stage 1 for this ad copy with the default version; a null or blank ad copy gives the image-only prompt. */
    public Prompt stage1(String adCopy) {
        return stage1(adCopy, STAGE1);
    }

    /**
     * Stage 1 with the given version ({@code stage1-v1}, {@code stage1-v2}). Without ad copy there is one
     * prompt, {@code stage1-noadcopy-v1}, whatever the version asked for.
     *
     * @throws IllegalArgumentException for a version that is not a Stage 1 prompt
     */
    public Prompt stage1(String adCopy, String version) {
        requireVersion(Prompt.Stage.STAGE1, version);
        if (adCopy == null || adCopy.isBlank()) {
            return new Prompt(Prompt.Stage.STAGE1, STAGE1_NO_AD_COPY, templates.get(STAGE1_NO_AD_COPY));
        }
        return new Prompt(Prompt.Stage.STAGE1, version, templates.get(version).replace(AD_COPY_PLACEHOLDER, adCopy));
    }

    public Prompt stage2() {
        return stage2(STAGE2);
    }

    /** Stage 2 with the given version ({@code stage2-v1}, {@code stage2-v2}). */
    public Prompt stage2(String version) {
        requireVersion(Prompt.Stage.STAGE2, version);
        return new Prompt(Prompt.Stage.STAGE2, version, templates.get(version));
    }

    /** The versions a run of {@code stage} can ask for, the default first. */
    public List<String> versions(Prompt.Stage stage) {
        return stage == Prompt.Stage.STAGE1 ? STAGE1_VERSIONS : STAGE2_VERSIONS;
    }

    /** The unfilled template text of a shipped version, e.g. to pre-fill an editor. */
    public String template(String version) {
        String text = templates.get(version);
        if (text == null) {
            throw new IllegalArgumentException("Unknown prompt version " + version + "; known: "
                    + String.join(", ", templates.keySet()));
        }
        return text;
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

    private void requireVersion(Prompt.Stage stage, String version) {
        if (!versions(stage).contains(version)) {
            throw new IllegalArgumentException("Unknown " + (stage == Prompt.Stage.STAGE1 ? "Stage 1" : "Stage 2")
                    + " prompt version '" + version + "'; known: " + String.join(", ", versions(stage)));
        }
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
