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

    /**
     * The type decoder and projector linear weights are stored in: int8 for INT8, float16 for FP16 (also on the CPU,
     * where they are widened to FP32 per layer when used), float32 for FP32.
     */
    public DataType linearStorageType(Device device) {
        return switch (this) {
            case FP32 -> DataType.FLOAT32;
            case FP16 -> DataType.FLOAT16;
            case INT8 -> DataType.INT8;
        };
    }

    public String label() {
        return name().toLowerCase();
    }
}
