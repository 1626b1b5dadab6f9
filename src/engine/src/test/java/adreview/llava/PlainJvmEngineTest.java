package adreview.llava;

import adreview.llava.cpu.VectorSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine in a JVM started the way {@code java -jar} starts the desk without options: no
 * {@code --add-modules jdk.incubator.vector}, so decode falls back to libtorch (its TorchScript step) and says so
 * once (log and engine line); and with the engine's call-counting agent, which must count libtorch calls without
 * breaking them.
 */
class PlainJvmEngineTest {

    @Test
    void withoutTheVectorModuleDecodeRunsOnLibtorchAndSaysWhy(@TempDir Path dir) throws Exception {
        Path agent = agentJar(dir);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-javaagent:" + agent, "--enable-native-access=ALL-UNNAMED",
                "-Dai.djl.pytorch.num_threads=1", "-Dadreview.fixtures=" + Fixtures.fixtures().toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), EngineProbeMain.class.getName());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out;
        try (var in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        String reason = VectorSupport.MODULE + " is not in this JVM (start Java with " + VectorSupport.JVM_OPTION + ")";
        assertThat(out).contains("engine=DJL").contains("decode: TorchScript, one libtorch call per token (" + reason + ")")
                .contains("tokens=4");
        assertThat(out.split("CPU decode runs on libtorch, not the Java Vector API kernel", -1))
                .as("said once: " + out).hasSize(2);
        String counted = out.substring(out.indexOf("counting="));
        assertThat(counted).startsWith("counting=true");
        long calls = Long.parseLong(counted.substring(counted.indexOf("calls=") + 6).strip().split("\\s")[0]);
        assertThat(calls).as("libtorch calls of a prefill and 3 decode steps").isGreaterThan(100);
    }

    /** A jar holding only a manifest that names the agent: its classes come from the class path. */
    private static Path agentJar(Path dir) throws IOException {
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Premain-Class", "adreview.llava.jni.NativeCallAgent");
        a.putValue("Can-Set-Native-Method-Prefix", "true");
        Path jar = dir.resolve("agent.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.flush();
        }
        return jar;
    }
}
