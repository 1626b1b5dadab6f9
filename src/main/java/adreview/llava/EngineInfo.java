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
