package adreview.llava.cpu;

import java.lang.foreign.MemorySegment;

/**
 * One linear layer as the kernel reads it: a row-major [rows, cols] weight matrix, FP32 or INT8 with one FP32 scale
 * per row ({@code y = (q · x) * scale}), and an optional bias. The segments are views of libtorch's own tensors.
 */
public record Matrix(MemorySegment weight, MemorySegment scales, float[] bias, int rows, int cols) {

    public Matrix {
        long elementBytes = scales == null ? Float.BYTES : 1;
        if (weight.byteSize() != (long) rows * cols * elementBytes) {
            throw new IllegalArgumentException("weight of " + weight.byteSize() + " bytes is not [" + rows + ", "
                    + cols + "] of " + (scales == null ? "float32" : "int8"));
        }
        if (scales != null && scales.byteSize() != (long) rows * Float.BYTES) {
            throw new IllegalArgumentException("int8 matrix needs " + rows + " float32 row scales");
        }
        if (bias != null && bias.length != rows) {
            throw new IllegalArgumentException("bias of " + bias.length + " for " + rows + " rows");
        }
    }

    public boolean int8() {
        return scales != null;
    }

    /** The bytes one product reads: the weights and, for int8, the scales. */
    public long bytes() {
        return weight.byteSize() + (scales == null ? 0 : scales.byteSize());
    }
}
