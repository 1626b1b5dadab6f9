/**
 * Counting the calls the engine makes into libtorch: a Java agent wraps every native method of DJL's
 * {@code PyTorchLibrary} (its one JNI class) in a method that bumps {@link adreview.llava.jni.NativeCalls} first.
 * {@code java -jar} starts the agent itself (the desk jar's {@code Launcher-Agent-Class}); other launches add
 * {@code -javaagent:} with the engine jar. Without it nothing is counted and the benchmark says so. Depends on nothing
 * else in the engine.
 */
package adreview.llava.jni;
