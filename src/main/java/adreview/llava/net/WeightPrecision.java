package adreview.llava.net;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;

/**
 * How weights are stored and in which type the arithmetic runs. On the CPU everything computes in FP32 (libtorch's
 * FP16 matrix products on a CPU without AVX512-FP16/AMX are about 100x slower); on a GPU fp16 and int8 compute in
 * FP16.
 */
public enum WeightPrecision {
    FP32,
    FP16,
    /** Weight-only int8 with one symmetric scale per output channel for every linear of decoder and projector. */
    INT8;

    /** The type activations and dequantized weights use on this device. */
    public DataType computeType(Device device) {
        if (this == FP32 || !device.isGpu()) {
            return DataType.FLOAT32;
        }
        return DataType.FLOAT16;
    }

    /** The type non-quantized weights are stored in on this device. */
    public DataType storageType(Device device) {
        return computeType(device);
    }

    public String label() {
        return name().toLowerCase();
    }
}
