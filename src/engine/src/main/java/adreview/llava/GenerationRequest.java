package adreview.llava;

import adreview.llava.generate.TokenConstraint;
import adreview.llava.image.ImageMode;

import java.awt.image.BufferedImage;
import java.util.function.BooleanSupplier;

/**
 * One greedy generation: image, the user's prompt (wrapped as {@code USER: <image>\n{prompt}\nASSISTANT:}), a limit,
 * the image mode, and optionally a token constraint (structured output), a per-token listener and a cancellation
 * flag checked before every token.
 */
public record GenerationRequest(BufferedImage image, String prompt, int maxNewTokens, ImageMode imageMode,
                                TokenConstraint constraint, TokenListener listener, BooleanSupplier cancelled) {
    public GenerationRequest {
        if (image == null) {
            throw new IllegalArgumentException("image is required");
        }
        if (prompt == null) {
            throw new IllegalArgumentException("prompt is required");
        }
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("maxNewTokens must be at least 1, was " + maxNewTokens);
        }
        imageMode = imageMode == null ? ImageMode.PAD : imageMode;
    }

    public static GenerationRequest of(BufferedImage image, String prompt, int maxNewTokens) {
        return new GenerationRequest(image, prompt, maxNewTokens, ImageMode.PAD, null, null, null);
    }
}
