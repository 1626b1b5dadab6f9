/**
 * The CPU decode step in plain Java on the Vector API ({@code jdk.incubator.vector}): matrix-vector products over
 * the weights libtorch already holds (read in place as {@link java.lang.foreign.MemorySegment}s, nothing copied),
 * attention over the KV cache's memory, rows split across a small fixed thread pool. Prefill, the vision tower and
 * the GPU stay on libtorch; only {@code adreview.llava.net} builds a decoder here. Only {@link
 * adreview.llava.cpu.VectorSupport} may be touched without the incubator module: it says whether the module is
 * present and loads the rest reflectively, so a JVM started without {@code --add-modules jdk.incubator.vector}
 * never links a class that needs it.
 */
package adreview.llava.cpu;
