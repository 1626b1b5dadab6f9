package adreview.review.remote;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the llama.cpp test kit is ({@code ../shared/llamakit}: a static {@code llama-server} and a tiny random-weight
 * LLaVA-1.5): the system property {@code adreview.llamakit} (the build sets it, from {@code ADREVIEW_LLAMAKIT} when
 * that is set, else the checkout's {@code ../shared/llamakit}), else the environment variable; either may name the
 * folder or the executable in it. As a JUnit condition: tests that need the real server are skipped with the reason
 * when the kit is not there, unless {@code ADREVIEW_REQUIRE_LLAMAKIT=1} (set by .ci/run) makes that a failure.
 */
public final class LlamaKit implements ExecutionCondition {

    public static final String PROPERTY = "adreview.llamakit";
    public static final String ENV = "ADREVIEW_LLAMAKIT";
    public static final String TEXT_MODEL = "tiny-llava-text-f16.gguf";
    public static final String PROJECTOR = "tiny-llava-mmproj-f16.gguf";

    /** The kit's folder when it holds an executable server and both GGUFs. */
    public static Path folder() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(ENV);
        }
        if (configured == null || configured.isBlank()) {
            return null;
        }
        Path p = Path.of(configured).toAbsolutePath().normalize();
        boolean executable = Files.isRegularFile(p) || p.getFileName() != null && p.getFileName().toString().equals("llama-server");
        return executable && p.getParent() != null ? p.getParent() : p;
    }

    /** Why the real server cannot run here, or null when it can. */
    public static String unavailableReason() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return "the llamakit's llama-server is an x86-64 Linux executable; this is " + os + "/" + arch;
        }
        Path kit = folder();
        if (kit == null) {
            return "no llamakit configured: set " + ENV + " or -D" + PROPERTY + " to the folder of llama-server";
        }
        for (String f : new String[] {"llama-server", TEXT_MODEL, PROJECTOR}) {
            if (!Files.isRegularFile(kit.resolve(f))) {
                return "no llamakit at " + kit + " (" + f + " is missing): set " + ENV + " or -D" + PROPERTY
                        + " to the folder of llama-server (../shared/llamakit beside the checkout)";
            }
        }
        if (!Files.isExecutable(kit.resolve("llama-server"))) {
            return kit.resolve("llama-server") + " is not executable";
        }
        return null;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String reason = unavailableReason();
        if (reason == null) {
            return ConditionEvaluationResult.enabled("llamakit at " + folder());
        }
        if ("1".equals(System.getenv("ADREVIEW_REQUIRE_LLAMAKIT"))) {
            throw new IllegalStateException("llama-server tests cannot run: " + reason
                    + " (ADREVIEW_REQUIRE_LLAMAKIT=1 forbids skipping them)");
        }
        String message = "llama-server tests skipped: " + reason;
        System.err.println(message);
        return ConditionEvaluationResult.disabled(message);
    }
}
