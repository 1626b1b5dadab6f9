package adreview.llava.cpu;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the Vector API can run the CPU decode step here, and the one way to build a decoder. Touches no
 * {@code jdk.incubator.vector} type itself: the module is only in the JVM when it was started with
 * {@code --add-modules jdk.incubator.vector} ({@code java -jar} cannot add it from a manifest), and without it the
 * engine decodes on libtorch instead, which this class says once in the log.
 */
public final class VectorSupport {
    public static final String MODULE = "jdk.incubator.vector";
    /** The JVM option that makes the module available. */
    public static final String JVM_OPTION = "--add-modules " + MODULE;
    private static final Logger LOG = LoggerFactory.getLogger(VectorSupport.class);
    private static final AtomicBoolean TOLD = new AtomicBoolean();
    private static volatile String reason;
    private static volatile boolean checked;

    private VectorSupport() {
    }

    /** True when the module is present and the CPU's preferred float vector holds at least 8 lanes. */
    public static boolean available() {
        return unavailableReason() == null;
    }

    /** Why the Vector API kernel cannot run, or null when it can. */
    public static String unavailableReason() {
        if (!checked) {
            reason = check();
            checked = true;
        }
        return reason;
    }

    private static String check() {
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            return MODULE + " is not in this JVM (start Java with " + JVM_OPTION + ")";
        }
        try {
            int lanes = (int) Class.forName("adreview.llava.cpu.Kernels").getDeclaredMethod("floatLanes").invoke(null);
            return lanes >= 8 ? null : "the CPU's float vectors hold " + lanes + " lanes (the kernel needs 8: AVX2)";
        } catch (ReflectiveOperationException | LinkageError e) {
            return "the Vector API could not start: " + e;
        }
    }

    /** Logs once per process that decode runs on libtorch, and why. */
    public static void tellUnavailableOnce() {
        String why = unavailableReason();
        if (why != null && TOLD.compareAndSet(false, true)) {
            LOG.warn("CPU decode runs on libtorch, not the Java Vector API kernel: {}", why);
        }
    }

    /** Threads of a decoder's pool: {@code -Dadreview.llava.threads}, else the processors this JVM may use. */
    public static int defaultThreads() {
        return Math.max(1, Integer.getInteger("adreview.llava.threads", Runtime.getRuntime().availableProcessors()));
    }

    /** The Vector API's memory reader, or null where the module is absent. */
    public static MemoryReader reader() {
        if (!available()) {
            return null;
        }
        try {
            return (MemoryReader) Class.forName("adreview.llava.cpu.VectorReader").getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** A Vector API decoder over these weights; call only when {@link #available()}. */
    public static CpuDecode create(DecodeWeights weights, int threads) {
        if (!available()) {
            throw new IllegalStateException("Vector API kernel unavailable: " + unavailableReason());
        }
        try {
            return (CpuDecode) Class.forName("adreview.llava.cpu.VectorDecoder")
                    .getDeclaredConstructor(DecodeWeights.class, int.class).newInstance(weights, threads);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build the Vector API decoder: " + e, e);
        }
    }
}
