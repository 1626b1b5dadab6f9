package adreview.llava.net;

import adreview.llava.config.TextConfig;
import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;

import java.util.ArrayList;
import java.util.List;

/**
 * The decode step as one call into libtorch: a TorchScript module ({@code decode_step.py}, compiled by libtorch from
 * source when the model loads; see {@link TorchScriptArchive}) runs every layer, the LM head and the argmax in C++,
 * where op by op through DJL each op and each temporary's free is a JNI call of its own (about 1,700 per token for
 * a 32-layer model). The module holds no weights: they, the tables and each KV cache are handed over once as
 * lists of the tensors the model already has (no copy), and a step passes just the token id and its position.
 * The arithmetic is {@link TorchDecodeStep}'s, but RMSNorm is libtorch's own {@code rms_norm}. Decoders with
 * grouped-query attention or biases are left to {@link TorchDecodeStep}.
 */
final class ScriptDecodeStep implements AutoCloseable {
    private static final String SOURCE = "decode_step.py";
    private static final String CLASS = "DecodeStep";

    private final PtSymbolBlock module;
    private final PtNDManager manager;
    /** The arguments every step passes, in {@code forward}'s order after the token and position. */
    private final List<IValue> fixed = new ArrayList<>();
    private final IValue[] arguments;

    /**
     * Compiles the module; {@code layers} give the norms and linears, {@code lmHead} ends the weights list,
     * {@code rope} holds the rotary constants and buffer, shared with the libtorch step.
     */
    ScriptDecodeStep(TextConfig config, NDArray embeddings, List<DecoderLayer> layers, RmsNorm finalNorm,
                     LinearWeights lmHead, NDArray cos, NDArray sin, TorchDecodeStep rope) {
        this.manager = (PtNDManager) embeddings.getManager();
        this.module = TorchScriptArchive.load(SOURCE, CLASS, manager);
        try {
            List<PtNDArray> norms = new ArrayList<>();
            List<PtNDArray> weights = new ArrayList<>();
            List<PtNDArray> scales = new ArrayList<>();
            for (DecoderLayer l : layers) {
                norms.add((PtNDArray) l.inputNorm().weight());
                norms.add((PtNDArray) l.postNorm().weight());
                for (LinearWeights w : List.of(l.qkv(), l.out(), l.gateUp(), l.down())) {
                    add(w, weights, scales);
                }
            }
            norms.add((PtNDArray) finalNorm.weight());
            add(lmHead, weights, scales);
            if (!scales.isEmpty() && scales.size() != weights.size()) {
                throw new IllegalStateException("int8 and float linears mixed: the script takes all int8 or none");
            }
            fixed.add(IValue.from((PtNDArray) embeddings));
            fixed.add(IValue.listFrom(norms.toArray(PtNDArray[]::new)));
            fixed.add(IValue.listFrom(weights.toArray(PtNDArray[]::new)));
            fixed.add(IValue.listFrom(scales.toArray(PtNDArray[]::new)));
            fixed.add(null); // the KV cache's layers, per call
            fixed.add(IValue.from((PtNDArray) cos));
            fixed.add(IValue.from((PtNDArray) sin));
            fixed.add(IValue.from((PtNDArray) rope.identity()));
            fixed.add(IValue.from((PtNDArray) rope.rotateHalf()));
            fixed.add(IValue.from(rope.rotations()));
            fixed.add(IValue.from((long) config.numAttentionHeads()));
            fixed.add(IValue.from((long) config.numKeyValueHeads()));
            fixed.add(IValue.from((long) config.headDim()));
            fixed.add(IValue.from((long) config.intermediateSize()));
            fixed.add(IValue.from(config.rmsNormEps()));
            arguments = new IValue[fixed.size() + 2];
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Why this decoder cannot run as the script, or null when it can. */
    static String unsupportedReason(TextConfig config, List<DecoderLayer> layers) {
        if (config.numKeyValueHeads() != config.numAttentionHeads()) {
            return "grouped-query attention";
        }
        for (DecoderLayer l : layers) {
            if (l.qkv().hasBias() || l.out().hasBias() || l.gateUp().hasBias() || l.down().hasBias()) {
                return "linear biases";
            }
        }
        return null;
    }

    /** The script reads a weight per linear, and a scale per linear when they are int8 (all of them, or none). */
    private static void add(LinearWeights w, List<PtNDArray> weights, List<PtNDArray> scales) {
        switch (w.format()) {
            case LinearWeights.Dense(NDArray dense) -> weights.add((PtNDArray) dense);
            case LinearWeights.Int8(NDArray q, NDArray scale) -> {
                weights.add((PtNDArray) q);
                scales.add((PtNDArray) scale);
            }
        }
    }

    /** One token at the cache's next position: its keys and values written there, the next token's logits back. */
    Logits run(int id, KvCache cache) {
        int pos = cache.length();
        try (IValue token = IValue.from((long) id); IValue position = IValue.from((long) pos)) {
            arguments[0] = token;
            arguments[1] = position;
            for (int i = 0; i < fixed.size(); i++) {
                arguments[i + 2] = fixed.get(i);
            }
            arguments[2 + 4] = cache.scriptLayers();
            try (IValue out = IValueUtils.runMethod(module, "forward", arguments)) {
                IValue[] parts = out.toIValueTuple();
                try {
                    NDArray index = parts[0].toTensor(manager);
                    NDArray row = parts[1].toTensor(manager);
                    cache.advance(1);
                    return new Logits.Device(row, index);
                } finally {
                    for (IValue p : parts) {
                        p.close();
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        for (IValue v : fixed) {
            if (v != null) {
                v.close();
            }
        }
        module.close();
    }
}
