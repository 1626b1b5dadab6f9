package adreview.llava.jni;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The number of calls into libtorch's JNI so far in this process (tensor frees and shape reads included: each is a
 * crossing into native code, and on a GPU most ops are a kernel launch besides). Counts only when
 * {@link NativeCallAgent} rewrote DJL's JNI class before it loaded.
 */
public final class NativeCalls {
    private static final AtomicLong CALLS = new AtomicLong();
    private static volatile boolean counting;

    private NativeCalls() {
    }

    /** Called first by every wrapped native method. Public only because DJL's rewritten class calls it. */
    public static void hit() {
        CALLS.incrementAndGet();
    }

    static void started() {
        counting = true;
    }

    /** Whether calls are counted in this JVM. */
    public static boolean counting() {
        return counting;
    }

    /** Calls so far (0 when not counting). */
    public static long count() {
        return CALLS.get();
    }

    /** How to get counts where there are none. */
    public static String howToCount() {
        return "start with java -jar, or add -javaagent:<engine jar> (e.g. target/lib/engine-*.jar)";
    }
}
