package adreview.llava.net;

import ai.djl.ndarray.NDManager;

/** Lets tests in other packages run a fixture case's prefill. */
public final class NetworkParityTestAccess {
    private NetworkParityTestAccess() {
    }

    public static float[] lastLogits(LlavaNetwork network, NDManager manager, Reference ref, int c) {
        return NetworkParityTest.lastLogits(network, manager, ref, c);
    }
}
