package adreview.review;

import adreview.llava.generate.TokenConstraint;
import adreview.review.structured.TokenVocabulary;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * A stand-in model that writes a fixed answer piece by piece, so that "in the middle of a run" is a
 * moment a test can choose: after piece {@code n} it calls {@link #onPiece}, can wait {@code delayMillis},
 * throw any {@link Throwable} (an {@code OutOfMemoryError} as the engine would), ignore cancellation (a
 * model stuck in one step) or take long to "load" in {@link #prepare}. It reads the image like the engine
 * does, so undecodable bytes fail the run. Answers are free text: run it with {@code constrained=false}
 * ({@code judge --free-text}). Child JVMs configure it with system properties ({@link #fromSystemProperties}).
 */
public final class ScriptedModel implements ReviewModel {

    /** A Stage 1 answer the tolerant parser reads. */
    public static final String STAGE1_ANSWER = "{\"is_valid\": true, \"image_quality_ok\": true, \"relevance_score\": 0.82, "
            + "\"analysis\": \"The image shows the product the copy talks about.\", \"issues\": [], "
            + "\"recommendations\": [\"Keep the headline short\"], "
            + "\"font_recommendation\": {\"style\": \"bold\", \"size\": \"large\", \"color\": \"light\"}}";
    /** A Stage 2 answer the tolerant parser reads. */
    public static final String STAGE2_ANSWER = "{\"on_brief\": true, \"occlusion\": false, \"contrast_ok\": true, "
            + "\"cta_present\": true, \"analysis\": \"Readable and on brief.\", \"issues\": []}";

    private final String stage1;
    private final String stage2;
    private final int pieceChars;
    private final long delayMillis;
    private final long prepareMillis;
    private final boolean ignoreCancel;
    private final boolean printProgress;
    private volatile IntConsumer onPiece = n -> { };
    private volatile int throwAt = -1;
    private volatile Supplier<Throwable> toThrow;
    public final AtomicInteger calls = new AtomicInteger();

    private ScriptedModel(String stage1, String stage2, int pieceChars, long delayMillis, long prepareMillis,
                          boolean ignoreCancel, boolean printProgress) {
        this.stage1 = stage1;
        this.stage2 = stage2;
        this.pieceChars = pieceChars;
        this.delayMillis = delayMillis;
        this.prepareMillis = prepareMillis;
        this.ignoreCancel = ignoreCancel;
        this.printProgress = printProgress;
    }

    /** The standard answers, 8 characters a piece, no delay. */
    public static ScriptedModel fast() {
        return new ScriptedModel(STAGE1_ANSWER, STAGE2_ANSWER, 8, 0, 0, false, false);
    }

    /** The standard answers, {@code delayMillis} after each piece. */
    public static ScriptedModel slow(long delayMillis) {
        return new ScriptedModel(STAGE1_ANSWER, STAGE2_ANSWER, 8, delayMillis, 0, false, false);
    }

    /** Both stages answer {@code text} (e.g. one with a NUL character). */
    public static ScriptedModel answering(String text) {
        return new ScriptedModel(text, text, 8, 0, 0, false, false);
    }

    /**
     * For a child JVM: {@code scripted.delayMillis} (per piece), {@code scripted.prepareMillis} (a load that
     * polls nothing), {@code scripted.ignoreCancel} (keeps writing when cancelled); progress goes to stderr
     * as "scripted-model piece N" so that the parent knows the run is under way.
     */
    public static ScriptedModel fromSystemProperties() {
        return new ScriptedModel(STAGE1_ANSWER, STAGE2_ANSWER, 8, Long.getLong("scripted.delayMillis", 0),
                Long.getLong("scripted.prepareMillis", 0), Boolean.getBoolean("scripted.ignoreCancel"), true);
    }

    /** Called with the piece number (1, 2, …) after each piece is written, on the run's thread. */
    public ScriptedModel onPiece(IntConsumer action) {
        this.onPiece = action;
        return this;
    }

    /** Throws {@code error} instead of writing piece {@code n} (1-based). */
    public ScriptedModel throwing(int n, Supplier<Throwable> error) {
        this.throwAt = n;
        this.toThrow = error;
        return this;
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo("scripted", "fp32", "cpu", "pad");
    }

    @Override
    public void prepare(RunListener listener) {
        if (prepareMillis > 0) {
            progress("loading");
            sleep(prepareMillis);
        }
    }

    @Override
    public TokenVocabulary vocabulary() {
        throw new UnsupportedOperationException("the scripted model answers free text: run with constrained=false");
    }

    @Override
    public Generation generate(Path image, String prompt, TokenConstraint constraint, int maxNewTokens,
                               RunListener listener, java.util.function.BooleanSupplier cancelled) {
        calls.incrementAndGet();
        BufferedImage img;
        try {
            img = ImageIO.read(image.toFile());
        } catch (IOException e) {
            throw new ModelException("Cannot read image " + image + ": " + e.getMessage(), "", e);
        }
        if (img == null) {
            throw new ModelException("Cannot decode image " + image + ": not a PNG/JPEG image", "", null);
        }
        String answer = prompt.contains("on_brief") ? stage2 : stage1;
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < answer.length(); i += pieceChars) {
            pieces.add(answer.substring(i, Math.min(answer.length(), i + pieceChars)));
        }
        StringBuilder text = new StringBuilder();
        int n = 0;
        for (String piece : pieces) {
            if (!ignoreCancel && cancelled != null && cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled at piece " + n);
            }
            if (n + 1 == throwAt) {
                sneakyThrow(toThrow.get());
            }
            text.append(piece);
            n++;
            listener.token(n, maxNewTokens, text.toString());
            progress("piece " + n);
            onPiece.accept(n);
            if (delayMillis > 0) {
                sleep(delayMillis);
            }
        }
        return new Generation(text.toString(), n, "eos");
    }

    private void progress(String what) {
        if (printProgress) {
            System.err.println("scripted-model " + what);
            System.err.flush();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }
}
