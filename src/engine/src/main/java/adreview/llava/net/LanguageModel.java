package adreview.llava.net;

import adreview.llava.config.LlavaConfig;
import adreview.llava.config.TextConfig;
import adreview.llava.cpu.CpuDecode;
import adreview.llava.cpu.DecodeWeights;
import adreview.llava.cpu.VectorSupport;
import adreview.llava.weights.Halfs;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The LLaMA decoder: token embedding, layers of RMSNorm, rotary causal self-attention (Q/K/V as one matrix product)
 * and SwiGLU MLP (gate/up as one matrix product), final norm and LM head. Runs over a KV cache, or without one
 * (the whole sequence at once) as a cross-check.
 */
public final class LanguageModel implements AutoCloseable {
    private static final String P = ExpectedTensors.TEXT;
    private static final Logger LOG = LoggerFactory.getLogger(LanguageModel.class);

    private final TextConfig config;
    private final DataType computeType;
    private final NDArray embedTokens;
    private final List<DecoderLayer> layers;
    private final RmsNorm finalNorm;
    /** The zero bias [2H] every {@link RmsNorm} of this model shares. */
    private final NDArray normBias;
    private final LinearWeights lmHead;
    private final NDArray cosTable;
    private final NDArray sinTable;
    /** The libtorch decode step (every device; see {@link TorchDecodeStep}). */
    private final TorchDecodeStep torchStep;
    /** [[1], [-1]]: every RMSNorm's way to [x, -x] in one call (see {@link RmsNorm#applyRow}). */
    private final NDArray normSigns;
    private final float eps;
    private final DataType linearStorage;
    private final boolean onGpu;
    /** The decode kernel chosen at load ({@link #decode(int, KvCache)}); the others may still be asked for by name. */
    private final DecodeKernel kernel;
    /** Why the Vector API kernel cannot decode this model, or null. */
    private final String vectorReason;
    private CpuDecode cpuDecode;
    /** The TorchScript step once built; why it cannot be, once tried and failed. */
    private ScriptDecodeStep scriptStep;
    private String scriptReason;

    LanguageModel(LlavaConfig llava, WeightLoader loader, DataType computeType, DataType linearStorage, boolean halfRoundedRope) {
        this.config = llava.text();
        this.computeType = computeType;
        this.eps = (float) config.rmsNormEps();
        loader.phase("Loading language model embeddings");
        this.embedTokens = loader.keep(P + "embed_tokens.weight", computeType);
        this.normBias = RmsNorm.zeroBias(loader.manager(), config.hiddenSize(), computeType);
        this.normSigns = RmsNorm.signs(loader.manager(), computeType);
        float scale = (float) Math.pow(config.headDim(), -0.5);
        this.layers = new ArrayList<>();
        for (int i = 0; i < config.numHiddenLayers(); i++) {
            loader.phase("Loading language model layer " + (i + 1) + "/" + config.numHiddenLayers()
                    + (linearStorage == DataType.INT8 ? " (int8)" : ""));
            String p = P + "layers." + i + ".";
            String a = p + "self_attn.";
            String m = p + "mlp.";
            layers.add(new DecoderLayer(
                    norm(loader, p + "input_layernorm.weight", computeType),
                    loader.linear(List.of(a + "q_proj.weight", a + "k_proj.weight", a + "v_proj.weight"),
                            config.attentionBias() ? List.of(a + "q_proj.bias", a + "k_proj.bias", a + "v_proj.bias") : null,
                            scale, linearStorage, computeType),
                    loader.linear(List.of(a + "o_proj.weight"), config.attentionBias() ? List.of(a + "o_proj.bias") : null,
                            1f, linearStorage, computeType),
                    norm(loader, p + "post_attention_layernorm.weight", computeType),
                    loader.linear(List.of(m + "gate_proj.weight", m + "up_proj.weight"),
                            config.mlpBias() ? List.of(m + "gate_proj.bias", m + "up_proj.bias") : null, 1f, linearStorage,
                            computeType),
                    loader.linear(List.of(m + "down_proj.weight"), config.mlpBias() ? List.of(m + "down_proj.bias") : null,
                            1f, linearStorage, computeType)));
        }
        loader.phase("Loading LM head");
        this.finalNorm = norm(loader, P + "norm.weight", computeType);
        String head = llava.tieWordEmbeddings() ? P + "embed_tokens.weight" : ExpectedTensors.LM_HEAD;
        this.lmHead = loader.linear(List.of(head), null, 1f, linearStorage, computeType);
        NDArray[] tables = ropeTables(loader.manager(), config, computeType, halfRoundedRope);
        this.cosTable = tables[0];
        this.sinTable = tables[1];
        this.torchStep = new TorchDecodeStep(config, computeType, layers, finalNorm, cosTable, sinTable,
                loader.manager());
        this.linearStorage = linearStorage;
        this.onGpu = loader.manager().getDevice().isGpu();
        this.vectorReason = vectorUnusableReason();
        this.kernel = chooseKernel(DecodeKernel.requested());
    }

    /**
     * The kernel asked for if it can run, else the fastest that can: the Vector API kernel (CPU), else the TorchScript
     * step, else libtorch op by op. The chosen one is built now, so its set-up is part of loading, not of the first
     * token; a CPU model that cannot have the Vector API kernel because the module is missing says so once.
     */
    private DecodeKernel chooseKernel(DecodeKernel asked) {
        if (asked == DecodeKernel.TORCH) {
            return DecodeKernel.TORCH;
        }
        if (asked != DecodeKernel.SCRIPT && vectorReason == null) {
            cpuDecoder();
            return DecodeKernel.VECTOR;
        }
        if (!onGpu && VectorSupport.unavailableReason() != null) {
            VectorSupport.tellUnavailableOnce();
        }
        return supports(DecodeKernel.SCRIPT) ? DecodeKernel.SCRIPT : DecodeKernel.TORCH;
    }

    /** Why the Vector API kernel cannot decode this model, or null when it can. */
    private String vectorUnusableReason() {
        if (onGpu) {
            return "the model is on a GPU";
        }
        if (computeType != DataType.FLOAT32) {
            return "the kernel computes in float32, this model in " + computeType;
        }
        if (linearStorage != DataType.FLOAT32 && linearStorage != DataType.INT8) {
            return "the kernel reads float32 or int8 weights, this model keeps " + linearStorage;
        }
        return VectorSupport.unavailableReason();
    }

    private RmsNorm norm(WeightLoader loader, String name, DataType type) {
        return new RmsNorm(loader.read(name, type), normBias, normSigns, eps, loader.manager());
    }

    /**
     * cos/sin of position x inverse frequency, [max positions, head dim], both halves equal (transformers' layout).
     * {@code halfRoundedRope} rounds the inverse frequencies to float16 first: what a transformers model does after
     * {@code model.half()} (the buffer is cast with the weights), e.g. the fixture references (made with
     * {@code .half().float()}); without it the frequencies are exact float32, as a model built in float32 has them.
     */
    private static NDArray[] ropeTables(NDManager manager, TextConfig c, DataType type, boolean halfRoundedRope) {
        int hd = c.headDim();
        int n = c.maxPositionEmbeddings();
        float[] cos = new float[n * hd];
        float[] sin = new float[n * hd];
        for (int i = 0; i < hd / 2; i++) {
            // float32 throughout, step for step as transformers computes inv_freq and position * inv_freq
            float exponent = (float) (2 * i) / (float) hd;
            float invFreq = 1.0f / (float) Math.pow((float) c.ropeTheta(), exponent);
            if (halfRoundedRope) {
                invFreq = Halfs.halfToFloat(Halfs.floatToHalf(invFreq));
            }
            for (int pos = 0; pos < n; pos++) {
                float angle = pos * invFreq;
                float cv = (float) Math.cos(angle);
                float sv = (float) Math.sin(angle);
                cos[pos * hd + i] = cv;
                cos[pos * hd + i + hd / 2] = cv;
                sin[pos * hd + i] = sv;
                sin[pos * hd + i + hd / 2] = sv;
            }
        }
        Shape shape = new Shape(n, hd);
        NDArray cosNd = manager.create(cos, shape).toType(type, false);
        NDArray sinNd = manager.create(sin, shape).toType(type, false);
        return new NDArray[] {cosNd, sinNd};
    }

    public TextConfig config() {
        return config;
    }

    public DataType computeType() {
        return computeType;
    }

    public int maxPositions() {
        return config.maxPositionEmbeddings();
    }

    /**
     * The embedding of one token id, [1, H]: a view of the table's row, so a decode step sends nothing from the host
     * (an ids array would be a host-to-device copy per token on a GPU). Read-only: nothing may write into it.
     */
    public NDArray embedToken(long id) {
        if (id < 0 || id >= config.vocabSize()) {
            throw new IllegalArgumentException("token id " + id + " outside the vocabulary of " + config.vocabSize());
        }
        return TorchOps.slice(embedTokens, 0, id, id + 1);
    }

    /** Embeddings of the ids [T] → [T, H]. */
    public NDArray embed(NDArray ids) {
        return embedTokens.getNDArrayInternal().embedding(ids, embedTokens, SparseFormat.DENSE).singletonOrThrow();
    }

    /**
     * Runs the decoder over {@code embeds} [T, H] at positions [cache.length(), +T), appending keys and values to
     * the cache, and returns the final-normed hidden states [T, H]. With {@code cache == null} the sequence is
     * processed alone from position 0 (no cache).
     */
    public NDArray forward(NDArray embeds, KvCache cache) {
        long t = embeds.getShape().get(0);
        int start = cache == null ? 0 : cache.length();
        if (start + t > maxPositions()) {
            throw new IllegalArgumentException("sequence of " + (start + t) + " tokens exceeds the model's "
                    + maxPositions() + " positions");
        }
        if (t == 1 && cache != null) {
            return torchStep.run(embeds, cache);
        }
        NDArray cos = cosTable.get(new NDIndex("{}:{}", start, start + t));
        NDArray sin = sinTable.get(new NDIndex("{}:{}", start, start + t));
        NDArray mask = t > 1 ? causalMask(embeds.getManager(), t, start) : null;
        NDArray h = LayerLoop.run(layers, embeds, (i, l, x) -> layer(i, l, x, cos, sin, mask, cache, start));
        if (cache != null) {
            cache.advance((int) t);
        }
        return finalNorm.apply(h);
    }

    /** Logits [n, V] (FP32) of hidden rows [n, H]. */
    public NDArray logits(NDArray hiddenRows) {
        return lmHead.apply(hiddenRows).toType(DataType.FLOAT32, false);
    }

    /** The logits of the last row of hidden states [T, H] (a prefill's result), left where they are computed. */
    public Logits lastLogits(NDArray hidden) {
        long t = hidden.getShape().get(0);
        return new Logits.Device(lmHead.apply(TorchOps.slice(hidden, 0, t - 1, t)));
    }

    /** The kernel {@link #decode(int, KvCache)} uses. */
    public DecodeKernel kernel() {
        return kernel;
    }

    /**
     * One line for the engine info: what decodes, and why not a faster kernel: the Vector API's on a CPU, the
     * TorchScript step's where libtorch decodes op by op.
     */
    public String kernelNote() {
        return switch (kernel) {
            case VECTOR -> "decode: " + cpuDecoder().describe();
            case SCRIPT -> "decode: TorchScript, one libtorch call per token"
                    + (onGpu || vectorReason == null ? "" : " (" + vectorReason + ")");
            case TORCH -> "decode: libtorch op by op" + (scriptReason == null ? "" : " (TorchScript: " + scriptReason + ")")
                    + (onGpu || vectorReason == null ? "" : " (" + vectorReason + ")");
        };
    }

    /** Whether {@code k} can decode this model (for TorchScript: builds its step on first ask). */
    public boolean supports(DecodeKernel k) {
        return switch (k) {
            case TORCH -> true;
            case VECTOR -> vectorReason == null;
            case SCRIPT -> scriptStep() != null;
        };
    }

    /** Why {@code k} cannot decode this model, or null. */
    public String unsupportedReason(DecodeKernel k) {
        return supports(k) ? null : k == DecodeKernel.VECTOR ? vectorReason : scriptReason;
    }

    /** The TorchScript step, built on first use; null (with {@link #scriptReason}) where it cannot be. */
    private synchronized ScriptDecodeStep scriptStep() {
        if (scriptStep == null && scriptReason == null) {
            scriptReason = ScriptDecodeStep.unsupportedReason(config, layers);
            if (scriptReason == null) {
                try {
                    scriptStep = new ScriptDecodeStep(config, embedTokens, layers, finalNorm, lmHead, cosTable, sinTable,
                            torchStep);
                } catch (RuntimeException e) {
                    scriptReason = "the module did not load: " + e.getMessage();
                    LOG.warn("TorchScript decode step unavailable, decoding op by op: {}", scriptReason);
                }
            }
        }
        return scriptStep;
    }

    /** One decode step of token {@code id} at the cache's next position with the model's kernel. */
    public Logits decode(int id, KvCache cache) {
        return decode(id, cache, kernel);
    }

    /**
     * One decode step with the given kernel (the benchmark runs both on one loaded model): appends the token's keys
     * and values to the cache and returns the next token's logits. Libtorch's temporaries go to the caller's scope.
     */
    public Logits decode(int id, KvCache cache, DecodeKernel k) {
        int pos = cache.length();
        if (pos + 1 > maxPositions()) {
            throw new IllegalArgumentException("sequence of " + (pos + 1) + " tokens exceeds the model's "
                    + maxPositions() + " positions");
        }
        if (id < 0 || id >= config.vocabSize()) {
            throw new IllegalArgumentException("token id " + id + " outside the vocabulary of " + config.vocabSize());
        }
        if (pos >= cache.capacity()) {
            throw new IllegalStateException("KV cache full: position " + pos + " of " + cache.capacity());
        }
        return switch (k) {
            case VECTOR -> {
                float[] logits = cpuDecoder().step(id, pos, cache.keySegments(), cache.valueSegments(),
                        cache.capacity());
                cache.advance(1);
                yield new Logits.Host(logits);
            }
            case SCRIPT -> {
                ScriptDecodeStep step = scriptStep();
                if (step == null) {
                    throw new IllegalStateException("the TorchScript step cannot decode this model: " + scriptReason);
                }
                yield step.run(id, cache);
            }
            case TORCH -> new Logits.Device(lmHead.apply(torchStep.run(embedToken(id), cache)));
        };
    }

    /** The Vector API decoder over this model's weights (built on first use; throws where it cannot run). */
    public synchronized CpuDecode cpuDecoder() {
        if (cpuDecode == null) {
            if (vectorReason != null) {
                throw new IllegalStateException("the Vector API kernel cannot decode this model: " + vectorReason);
            }
            cpuDecode = VectorSupport.create(cpuWeights(), VectorSupport.defaultThreads());
        }
        return cpuDecode;
    }

    private DecodeWeights cpuWeights() {
        List<DecodeWeights.Layer> cpuLayers = new ArrayList<>();
        for (DecoderLayer l : layers) {
            cpuLayers.add(new DecodeWeights.Layer(l.inputNorm().weightFloats(), l.qkv().cpuMatrix(), l.out().cpuMatrix(),
                    l.postNorm().weightFloats(), l.gateUp().cpuMatrix(), l.down().cpuMatrix()));
        }
        return new DecodeWeights(config, TorchMemory.of(embedTokens), TorchMemory.of(cosTable), TorchMemory.of(sinTable),
                cpuLayers, finalNorm.weightFloats(), lmHead.cpuMatrix());
    }

    /** Additive causal mask [T, start + T]: 0 where key position ≤ query position, a large negative value elsewhere. */
    private NDArray causalMask(NDManager manager, long t, int start) {
        NDArray cols = manager.arange(0, (int) (start + t), 1, DataType.INT64).reshape(1, start + t);
        NDArray rows = manager.arange(start, (int) (start + t), 1, DataType.INT64).reshape(t, 1);
        float negative = computeType == DataType.FLOAT16 ? -65504f : -1e30f;
        return cols.gt(rows).toType(computeType, false).muli(negative);
    }

    private NDArray layer(int index, DecoderLayer l, NDArray h, NDArray cos, NDArray sin, NDArray mask, KvCache cache,
                          int start) {
        long t = h.getShape().get(0);
        int heads = config.numAttentionHeads();
        int kvHeads = config.numKeyValueHeads();
        int hd = config.headDim();
        NDArray x = l.inputNorm().apply(h);
        // [T, heads + 2 kv, hd] -> [heads + 2 kv, T, hd]; rotary on the query and key heads together
        NDList qkv = l.qkv().apply(x).reshape(t, heads + 2L * kvHeads, hd).transpose(1, 0, 2)
                .split(new long[] {heads + kvHeads}, 0);
        NDList qk = Ops.rope(qkv.get(0), cos, sin).split(new long[] {heads}, 0);
        NDArray q = qk.get(0);
        NDArray k = qk.get(1);
        NDArray v = qkv.get(1);
        if (cache != null) {
            cache.write(index, start, t, k, v);
            NDList kv = cache.keysAndValues(index, start + (int) t);
            k = kv.get(0);
            v = kv.get(1);
        }
        NDArray attn = Ops.attention(q, k, v, mask, heads, kvHeads, t);
        NDArray h2 = h.add(l.out().apply(attn));
        NDArray y = l.postNorm().apply(h2);
        NDList gateUp = l.gateUp().apply(y).split(2, 1);
        NDArray act = Ops.silu(gateUp.get(0)).muli(gateUp.get(1));
        return h2.addi(l.down().apply(act));
    }

    /** Every linear a decode step multiplies by, in order (the benchmark's matrix-vector floor runs over these). */
    public List<LinearWeights> decodeLinears() {
        List<LinearWeights> all = new ArrayList<>();
        for (DecoderLayer l : layers) {
            all.add(l.qkv());
            all.add(l.out());
            all.add(l.gateUp());
            all.add(l.down());
        }
        all.add(lmHead);
        return all;
    }

    /**
     * The bytes of weights one decode token must read in this representation: every decoder linear and the LM head
     * as stored (int8 with its row scales), the norms' weights and one embedding row. The KV cache comes on top.
     */
    public long decodeReadBytes() {
        long elem = computeType.getNumOfBytes();
        long b = lmHead.residentBytes() + 2L * config.hiddenSize() * elem;
        for (DecoderLayer l : layers) {
            b += l.qkv().residentBytes() + l.out().residentBytes() + l.gateUp().residentBytes()
                    + l.down().residentBytes() + 2L * config.hiddenSize() * elem;
        }
        return b;
    }

    public long residentBytes() {
        long b = Quantizer.bytes(embedTokens) + finalNorm.bytes() + Quantizer.bytes(normBias) + lmHead.residentBytes()
                + Quantizer.bytes(cosTable) + Quantizer.bytes(sinTable) + torchStep.residentBytes()
                + Quantizer.bytes(normSigns);
        for (DecoderLayer l : layers) {
            b += l.residentBytes();
        }
        return b;
    }

    @Override
    public synchronized void close() {
        if (cpuDecode != null) {
            cpuDecode.close(); // before the tensors it reads
            cpuDecode = null;
        }
        if (scriptStep != null) {
            scriptStep.close(); // its argument lists hold references to the weights
            scriptStep = null;
        }
        embedTokens.close();
        finalNorm.close();
        normBias.close();
        lmHead.close();
        cosTable.close();
        sinTable.close();
        torchStep.close();
        normSigns.close();
        layers.forEach(DecoderLayer::close);
    }
}
