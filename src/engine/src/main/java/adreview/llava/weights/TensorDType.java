package adreview.llava.weights;

import ai.djl.ndarray.types.DataType;

/** The element types a safetensors header may name that the engine can read. */
public enum TensorDType {
    F16(2, DataType.FLOAT16),
    /** DJL's PyTorch engine has no working bfloat16 mapping: BF16 tensors are widened to F32 while loading. */
    BF16(2, DataType.FLOAT32),
    F32(4, DataType.FLOAT32),
    F64(8, DataType.FLOAT64),
    I8(1, DataType.INT8),
    U8(1, DataType.UINT8),
    I32(4, DataType.INT32),
    I64(8, DataType.INT64),
    BOOL(1, DataType.BOOLEAN);

    private final int bytes;
    private final DataType djlType;

    TensorDType(int bytes, DataType djlType) {
        this.bytes = bytes;
        this.djlType = djlType;
    }

    public int bytes() {
        return bytes;
    }

    /** The DJL type the raw bytes are handed over as (BF16 is converted to F32 first). */
    public DataType djlType() {
        return djlType;
    }

    public boolean isFloating() {
        return this == F16 || this == BF16 || this == F32 || this == F64;
    }

    /** The safetensors name of a DJL type, for writing. */
    public static TensorDType of(DataType type) {
        return switch (type) {
            case FLOAT16 -> F16;
            case FLOAT32 -> F32;
            case FLOAT64 -> F64;
            case INT8 -> I8;
            case UINT8 -> U8;
            case INT32 -> I32;
            case INT64 -> I64;
            case BOOLEAN -> BOOL;
            default -> throw new IllegalArgumentException("no safetensors type for " + type);
        };
    }
}
