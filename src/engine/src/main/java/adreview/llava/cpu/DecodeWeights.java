package adreview.llava.cpu;

import adreview.llava.config.TextConfig;

import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * Everything one decode step reads, as the CPU kernel sees it: the embedding table [V, H] and rotary tables
 * [max positions, head dim] (FP32 segments), per layer the RMSNorm weights and the four linears (Q/K/V fused with the
 * attention scale folded into Q; gate/up fused), the final norm and the LM head.
 */
public record DecodeWeights(TextConfig config, MemorySegment embeddings, MemorySegment cos, MemorySegment sin,
                            List<Layer> layers, float[] finalNorm, Matrix lmHead) {

    public record Layer(float[] inputNorm, Matrix qkv, Matrix out, float[] postNorm, Matrix gateUp, Matrix down) {
    }

    /** The bytes of linears one token reads (every layer's four and the LM head). */
    public long linearBytes() {
        long b = lmHead.bytes();
        for (Layer l : layers) {
            b += l.qkv().bytes() + l.out().bytes() + l.gateUp().bytes() + l.down().bytes();
        }
        return b;
    }
}
