package adreview.llava.weights;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;

/**
 * Unmaps a tensor's region as soon as its bytes are copied into a tensor. Java otherwise keeps a mapping until its
 * buffer is garbage-collected, so loading a 14 GB checkpoint would leave up to 14 GB of file pages mapped into the
 * process (counted in its resident set, and pinning the page cache) long after the weights were copied.
 */
final class Mappings {
    private static final sun.misc.Unsafe UNSAFE = unsafe();

    private Mappings() {
    }

    /** Unmaps {@code buffer} if it is a mapping; never touch it (or a view of it) afterwards. */
    static void unmap(ByteBuffer buffer) {
        if (UNSAFE != null && buffer instanceof MappedByteBuffer && buffer.isDirect()) {
            try {
                UNSAFE.invokeCleaner(buffer);
            } catch (IllegalArgumentException e) {
                // a slice or duplicate: its parent's cleaner unmaps it when collected
            }
        }
    }

    private static sun.misc.Unsafe unsafe() {
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (sun.misc.Unsafe) f.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // the mapping then lives until its buffer is collected, as before
        }
    }
}
