package adreview.llava.net;

import adreview.llava.config.LlavaConfig;
import ai.djl.Device;
import ai.djl.ndarray.types.DataType;

import java.util.Map;

/**
 * The bytes of weights a network of this config holds at a precision on a device, from the storage rules alone
 * (without loading anything): vision tower, norms and embeddings in the compute type; decoder, projector and LM head
 * linears in the precision's storage type, int8 with one compute-type scale per output row; RMSNorm weights twice
 * (see {@link RmsNorm}); the rotary tables.
 * It answers "what would the 7B hold on a GPU" on a machine without one; tests hold it equal to what a real load
 * holds ({@link LlavaNetwork#residentWeightBytes()}).
 */
public final class WeightPlan {
    private WeightPlan() {
    }

    public static long residentBytes(LlavaConfig config, WeightPrecision precision, Device device) {
        DataType compute = precision.computeType(device);
        DataType storage = precision.linearStorageType(device);
        long bytes = 0;
        for (Map.Entry<String, long[]> e : ExpectedTensors.of(config).entrySet()) {
            long elements = 1;
            for (long d : e.getValue()) {
                elements *= d;
            }
            if (isStoredLinear(e.getKey())) {
                long rows = e.getValue()[0];
                bytes += LinearWeights.storedBytes(rows, elements / rows, storage, compute);
                continue;
            }
            if (isRmsNorm(e.getKey())) {
                elements *= 2; // held as [w, w] (see RmsNorm)
            }
            bytes += elements * compute.getNumOfBytes();
        }
        long hd = config.text().headDim();
        if (config.tieWordEmbeddings()) {
            bytes += LinearWeights.storedBytes(config.text().vocabSize(), config.text().hiddenSize(), storage, compute);
        }
        // cos and sin tables [max positions, hd]; the decode step's identity and rotate-half [hd, hd] and its rotary
        // matrices of every fused Q/K/V head [heads + 2 kv, hd, hd]; the norms' shared zero bias [2H] and signs [2, 1]
        bytes += 2L * config.text().maxPositionEmbeddings() * hd * compute.getNumOfBytes();
        bytes += 2L * hd * hd * compute.getNumOfBytes();
        bytes += (config.text().numAttentionHeads() + 2L * config.text().numKeyValueHeads()) * hd * hd
                * compute.getNumOfBytes();
        bytes += (2L * config.text().hiddenSize() + 2) * compute.getNumOfBytes();
        return bytes;
    }

    static boolean isRmsNorm(String name) {
        return name.startsWith(ExpectedTensors.TEXT) && name.endsWith("norm.weight");
    }

    /** Weights (not biases) of decoder, projector and LM head linears: the ones the precision's storage applies to. */
    static boolean isStoredLinear(String name) {
        if (!name.endsWith(".weight")) {
            return false;
        }
        if (name.equals(ExpectedTensors.LM_HEAD)) {
            return true;
        }
        if (name.startsWith(ExpectedTensors.PROJECTOR)) {
            return true;
        }
        return name.startsWith(ExpectedTensors.TEXT + "layers.") && (name.contains(".self_attn.") || name.contains(".mlp."));
    }
}
