package adreview.llava.bench;

import adreview.llava.cpu.MemoryReader;
import adreview.llava.cpu.VectorSupport;
import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures {@link Bandwidth} through a whole benchmark run. On the CPU it holds a 1 GiB off-heap buffer (well beyond
 * any last-level cache, as a model's weights are) for the run, so passes can also be taken between decode tokens:
 * on a shared machine the bandwidth at hand changes by the minute, and the floor must be measured over the same
 * minutes as the tokens it judges. On a GPU (not shared) a 4 GiB tensor is made for each batch of passes and freed.
 */
public final class BandwidthProbe implements AutoCloseable {
    public static final long CPU_BYTES = 1L << 30;
    /** An H200's L2 is 60 MB; launch and sync costs are under a few percent of a 4 GiB pass. */
    public static final long GPU_BYTES = 4L << 30;
    /** Passes at the start and at the end of a run. */
    public static final int BATCH = 7;

    private final Device device;
    private final long bytes;
    private final int threads;
    /** The Vector API's reader where the module is present (the faster), else null: scalar longs. */
    private final MemoryReader reader;
    private final ExecutorService pool;
    private final Arena arena;
    private final MemorySegment data;
    private final List<Double> passNs = new ArrayList<>();

    private BandwidthProbe(Device device, long bytes) {
        this.device = device;
        this.bytes = bytes;
        this.reader = device.isGpu() ? null : VectorSupport.reader();
        if (device.isGpu()) {
            threads = 0;
            pool = null;
            arena = null;
            data = null;
            return;
        }
        threads = Runtime.getRuntime().availableProcessors();
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "adreview-bandwidth");
            t.setDaemon(true);
            return t;
        });
        arena = Arena.ofShared();
        data = arena.allocate(bytes, 4096);
        // touch every page (a fresh page costs a fault), then let the JIT compile the loop on a slice
        parallel(bytes, (from, to) -> {
            data.asSlice(from, to - from).fill((byte) 1);
            return 0L;
        });
        // a small slice many times: the loop is compiled before the first timed pass, and the few passes that run
        // interpreted read little (interpreted Vector API code allocates per operation and would grow the heap)
        MemorySegment warm = data.asSlice(0, Math.min(bytes, 256L << 10));
        for (int i = 0; i < 4000; i++) {
            read(warm, 0, warm.byteSize());
        }
    }

    /** A probe for the device ({@link #CPU_BYTES} or {@link #GPU_BYTES}), with its first batch of passes taken. */
    public static BandwidthProbe open(Device device) {
        return open(device, device.isGpu() ? GPU_BYTES : CPU_BYTES);
    }

    /** A probe reading {@code bytes} per pass (smaller than the defaults only for tests: caches then flatter it). */
    public static BandwidthProbe open(Device device, long bytes) {
        BandwidthProbe probe = new BandwidthProbe(device, bytes / 4096 * 4096);
        probe.batch();
        return probe;
    }

    /** A batch of passes (the start or end of a run). */
    public void batch() {
        if (device.isGpu()) {
            gpuPasses(BATCH);
        } else {
            for (int i = 0; i < BATCH; i++) {
                pass();
            }
        }
    }

    /** One pass between decode tokens: the CPU's only (a GPU is not shared, and its buffer is not held). */
    public void interleavedPass() {
        if (!device.isGpu()) {
            pass();
        }
    }

    /** Memory this probe holds for the run (the benchmark's peak leaves it out). */
    public long residentBytes() {
        return data == null ? 0 : bytes;
    }

    public Bandwidth best() {
        String method = device.isGpu()
                ? String.format(Locale.ROOT, "libtorch: sum of a %d MiB float16 tensor on %s", bytes >> 20, device)
                : String.format(Locale.ROOT, "Java: sum of a %d MiB off-heap segment (%s), %d threads", bytes >> 20,
                reader == null ? "scalar longs" : reader.describe(), threads);
        double[] sorted = passNs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double best = sorted.length == 0 ? Double.NaN : sorted[0];
        double median = sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
        return new Bandwidth(bytes / best, bytes / median, method + ", best of " + sorted.length + " passes",
                sorted.length);
    }

    private void pass() {
        long t = System.nanoTime();
        parallel(bytes, (from, to) -> read(data, from, to));
        record(System.nanoTime() - t);
    }

    private void record(double ns) {
        passNs.add(ns);
    }

    private interface Part {
        long run(long from, long to);
    }

    /** One contiguous part per thread, as an OpenMP {@code parallel for} over the array splits it. */
    private void parallel(long bytes, Part part) {
        long step = bytes / threads / 64 * 64;
        List<Future<Long>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long from = t * step;
            long to = t == threads - 1 ? bytes : from + step;
            futures.add(pool.submit(() -> part.run(from, to)));
        }
        long sink = 0;
        try {
            for (Future<Long> f : futures) {
                sink += f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bandwidth probe interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("bandwidth probe failed: " + e.getCause(), e.getCause());
        }
        if (sink == Long.MIN_VALUE) {
            System.out.print(""); // the sums stay live
        }
    }

    private long read(MemorySegment s, long from, long to) {
        return reader != null ? reader.sum(s, from, to) : sum(s, from, to);
    }

    /**
     * Sums longs with eight independent accumulators: the probe without the incubator module. With it the Vector
     * API's wider loads are used: on this project's 2-core EPYC they read up to a fifth faster, and a probe slower
     * than the machine would flatter every ratio against it.
     */
    private static long sum(MemorySegment s, long from, long to) {
        long a0 = 0;
        long a1 = 0;
        long a2 = 0;
        long a3 = 0;
        long a4 = 0;
        long a5 = 0;
        long a6 = 0;
        long a7 = 0;
        long o = from;
        for (; o + 64 <= to; o += 64) {
            a0 += s.get(ValueLayout.JAVA_LONG, o);
            a1 += s.get(ValueLayout.JAVA_LONG, o + 8);
            a2 += s.get(ValueLayout.JAVA_LONG, o + 16);
            a3 += s.get(ValueLayout.JAVA_LONG, o + 24);
            a4 += s.get(ValueLayout.JAVA_LONG, o + 32);
            a5 += s.get(ValueLayout.JAVA_LONG, o + 40);
            a6 += s.get(ValueLayout.JAVA_LONG, o + 48);
            a7 += s.get(ValueLayout.JAVA_LONG, o + 56);
        }
        for (; o < to; o++) {
            a0 += s.get(ValueLayout.JAVA_BYTE, o);
        }
        return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7;
    }

    /** Sums over a float16 tensor (one reduction kernel reads it all), four per timed pass, one read-back each. */
    private void gpuPasses(int n) {
        int perPass = 4;
        try (NDManager manager = NDManager.newBaseManager(device, "PyTorch")) {
            NDArray tensor = manager.zeros(new Shape(bytes / 2), DataType.FLOAT16);
            tensor.sum().toFloatArray();
            for (int i = 0; i < n; i++) {
                try (NDManager pass = manager.newSubManager()) {
                    long t = System.nanoTime();
                    NDArray last = null;
                    for (int r = 0; r < perPass; r++) {
                        last = tensor.sum();
                        last.attach(pass);
                    }
                    last.toFloatArray();
                    record((System.nanoTime() - t) / (double) perPass);
                }
            }
        }
        // hand the 4 GiB back to CUDA: libtorch's caching allocator would keep it, and the benchmark's "GPU memory in
        // use" would count it
        JniUtils.emptyCudaCache();
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
            arena.close();
        }
    }
}
