package adreview.review.prompt;

import java.util.Objects;

/**
 * The prompt of one run: its filled-in text and the version it came from ({@code stage1-v1},
 * {@code stage1-noadcopy-v1}, {@code stage2-v1}, or {@code custom} when a reviewer edited it).
 */
public record Prompt(Stage stage, String version, String text) {

    public static final String CUSTOM = "custom";

    public Prompt {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(text, "text");
    }

    /** Whether this prompt came from the shipped resource rather than a reviewer's edit. */
    public boolean isCustom() {
        return CUSTOM.equals(version);
    }

    /** The full LLaVA-1.5 conversation text: {@code USER: <image>\n{prompt}\nASSISTANT:}. */
    public String chatText() {
        return "USER: <image>\n" + text + "\nASSISTANT:";
    }

    public enum Stage {
        STAGE1, STAGE2
    }
}
