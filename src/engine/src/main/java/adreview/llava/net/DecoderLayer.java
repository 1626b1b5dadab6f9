package adreview.llava.net;

/**
 * One LLaMA decoder layer's weights: the two RMSNorms and the four linears (Q/K/V fused, the attention scale folded
 * into Q; gate/up fused).
 */
record DecoderLayer(RmsNorm inputNorm, LinearWeights qkv, LinearWeights out, RmsNorm postNorm, LinearWeights gateUp,
                    LinearWeights down) implements AutoCloseable {

    long residentBytes() {
        return inputNorm.bytes() + qkv.residentBytes() + out.residentBytes() + postNorm.bytes()
                + gateUp.residentBytes() + down.residentBytes();
    }

    @Override
    public void close() {
        inputNorm.close();
        qkv.close();
        out.close();
        postNorm.close();
        gateUp.close();
        down.close();
    }
}
