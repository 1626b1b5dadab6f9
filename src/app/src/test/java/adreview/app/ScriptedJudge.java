package adreview.app;

import adreview.review.ScriptedModel;

/**
 * Test helper run in a child JVM: the real command line ({@link Main#commandLine(java.util.function.Function)}),
 * with {@code judge} on a {@link ScriptedModel} configured by system properties, so that a test can kill or
 * signal a run at a moment it chooses. Exits with the command's exit code, like {@code Main}.
 */
public final class ScriptedJudge {

    private ScriptedJudge() {
    }

    public static void main(String[] args) {
        System.setProperty("OPT_OUT_TRACKING", "true");
        int code = Main.commandLine(config -> ScriptedModel.fromSystemProperties()).execute(args);
        System.exit(code);
    }
}
