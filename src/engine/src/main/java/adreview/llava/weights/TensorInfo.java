package adreview.llava.weights;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * One tensor of a safetensors file: where its bytes lie (absolute offset in the file) and what they are.
 */
public record TensorInfo(String name, Path file, TensorDType dtype, long[] shape, long fileOffset, long byteLength) {

    public long elementCount() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    public String shapeText() {
        return Arrays.toString(shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorInfo t && t.name.equals(name) && t.file.equals(file) && t.dtype == dtype
                && Arrays.equals(t.shape, shape) && t.fileOffset == fileOffset && t.byteLength == byteLength;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + " " + dtype + shapeText() + " in " + file.getFileName();
    }
}
