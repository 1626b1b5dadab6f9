package adreview.llava.cpu;

import java.lang.foreign.MemorySegment;

/** A sequential read of memory, as fast as this JVM can read: what the benchmark's bandwidth probe times. */
public interface MemoryReader {

    /** Reads bytes [from, to) and returns a sum of them, so that nothing is optimised away. */
    long sum(MemorySegment segment, long from, long to);

    /** e.g. "512-bit vector loads". */
    String describe();
}
