package adreview.llava;

import ai.djl.engine.Engine;

/** DJL's PyTorch engine: whether it sees CUDA, and a description (engine, libtorch version, flavour). */
final class EngineInfo {
    static final String ENGINE = "PyTorch";

    private EngineInfo() {
    }

    static Engine engine() {
        return Engine.getEngine(ENGINE);
    }

    /**
     * The engine, or a message that says how to get libtorch. Without DJL's CPU libtorch on the classpath
     * (the -Pcpu build) DJL downloads the flavour that fits the machine on first use; offline that fails
     * deep inside DJL with "Failed to save pytorch index file", which tells a user nothing.
     */
    static Engine requireEngine() throws ModelLoadException {
        try {
            return engine();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new ModelLoadException("DJL could not load libtorch (" + e.getMessage() + "): this build does not bundle"
                    + " a CPU libtorch and DJL could not download one (offline?). Build with -Pcpu for an offline CPU"
                    + " build, or point PYTORCH_LIBRARY_PATH (with PYTORCH_VERSION, PYTORCH_FLAVOR) at a local libtorch.");
        }
    }

    static int gpuCount() {
        try {
            return engine().getGpuCount();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** e.g. "DJL 0.36.0 PyTorch 2.7.1 (cpu)". */
    static String describe(ai.djl.Device device) {
        Engine e = engine();
        String flavor = System.getenv("PYTORCH_FLAVOR");
        if (flavor == null || flavor.isBlank()) {
            flavor = device.isGpu() ? "cuda" : "cpu";
        }
        return "DJL " + Engine.getDjlVersion() + " " + e.getEngineName() + " " + e.getVersion() + " (" + flavor + ")";
    }
}
