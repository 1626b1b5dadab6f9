package adreview.llava.cpu;

import java.lang.foreign.MemorySegment;

/**
 * One linear layer as the kernel reads it: a row-major [rows, cols] weight matrix, {@link F32} or {@link Int8} with
 * one FP32 scale per row ({@code y = (q · x) * scale}), and an optional bias. The segments are views of libtorch's
 * own tensors.
 */
public sealed interface Matrix permits Matrix.F32, Matrix.Int8 {

    MemorySegment weight();

    /** One float per row, or null. */
    float[] bias();

    int rows();

    int cols();

    /** The bytes one product reads: the weights and, for int8, the scales. */
    long bytes();

    /** The bytes of one row of weights. */
    default long rowBytes() {
        return weight().byteSize() / rows();
    }

    /** FP32 weights. */
    record F32(MemorySegment weight, float[] bias, int rows, int cols) implements Matrix {
        public F32 {
            check(weight, Float.BYTES, "float32", bias, rows, cols);
        }

        @Override
        public long bytes() {
            return weight.byteSize();
        }
    }

    /** INT8 weights, each row with its FP32 scale. */
    record Int8(MemorySegment weight, MemorySegment scales, float[] bias, int rows, int cols) implements Matrix {
        public Int8 {
            check(weight, 1, "int8", bias, rows, cols);
            if (scales.byteSize() != (long) rows * Float.BYTES) {
                throw new IllegalArgumentException("int8 matrix needs " + rows + " float32 row scales");
            }
        }

        @Override
        public long bytes() {
            return weight.byteSize() + scales.byteSize();
        }
    }

    private static void check(MemorySegment weight, int elementBytes, String type, float[] bias, int rows, int cols) {
        if (weight.byteSize() != (long) rows * cols * elementBytes) {
            throw new IllegalArgumentException("weight of " + weight.byteSize() + " bytes is not [" + rows + ", "
                    + cols + "] of " + type);
        }
        if (bias != null && bias.length != rows) {
            throw new IllegalArgumentException("bias of " + bias.length + " for " + rows + " rows");
        }
    }
}
