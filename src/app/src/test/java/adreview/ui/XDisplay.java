package adreview.ui;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Whole-window tests need an X display (src/test/xvfb-jdk/bin/java starts a private Xvfb when it can). Without one
 * they are skipped with the reason, unless {@code ADREVIEW_REQUIRE_DISPLAY=1} (set by .ci/run) makes that a failure.
 */
public final class XDisplay implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String display = System.getenv("DISPLAY");
        if (display != null && !display.isBlank()) {
            return ConditionEvaluationResult.enabled("X display " + display);
        }
        String reason = "no X display: install Xvfb (Debian: xvfb, with libgtk-3-0) or set DISPLAY to run the whole-window tests";
        if ("1".equals(System.getenv("ADREVIEW_REQUIRE_DISPLAY"))) {
            throw new IllegalStateException(reason + " (ADREVIEW_REQUIRE_DISPLAY=1 forbids skipping them)");
        }
        return ConditionEvaluationResult.disabled(reason);
    }
}
