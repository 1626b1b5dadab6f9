package adreview.llava;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Structure;

/**
 * Bytes the C library's allocator has handed out and not taken back ({@code mallinfo2}: in-use chunks plus mmapped
 * chunks). libtorch's CPU tensors live there; the Java heap does not, so this sees a native leak without the noise
 * of the JVM growing and shrinking its heap. -1 where glibc has no mallinfo2.
 */
public final class NativeHeap {
    private NativeHeap() {
    }

    /** {@code struct mallinfo2}: ten size_t fields. */
    @Structure.FieldOrder({"arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
            "fordblks", "keepcost"})
    public static class MallInfo2 extends Structure implements Structure.ByValue {
        public long arena;
        public long ordblks;
        public long smblks;
        public long hblks;
        public long hblkhd;
        public long usmblks;
        public long fsmblks;
        public long uordblks;
        public long fordblks;
        public long keepcost;
    }

    private interface C extends Library {
        MallInfo2 mallinfo2();
    }

    public static long inUseBytes() {
        try {
            MallInfo2 info = Native.load("c", C.class).mallinfo2();
            return info.uordblks + info.hblkhd;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return -1;
        }
    }
}
