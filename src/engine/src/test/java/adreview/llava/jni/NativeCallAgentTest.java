package adreview.llava.jni;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.reflect.AccessFlag;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent's rewrite of DJL's JNI class verifies, and turns every native method into a Java method of the same
 * name and descriptor that counts and then calls the renamed native one.
 */
class NativeCallAgentTest {

    @Test
    void everyNativeMethodBecomesACountingWrapperAroundItsPrefixedSelf() throws Exception {
        byte[] original;
        try (InputStream in = ClassLoader.getSystemResourceAsStream(NativeCallAgent.TARGET + ".class")) {
            original = in.readAllBytes();
        }
        byte[] rewritten = NativeCallAgent.rewrite(original);
        assertThat(ClassFile.of().verify(rewritten)).as("verification errors").isEmpty();
        ClassModel before = ClassFile.of().parse(original);
        ClassModel after = ClassFile.of().parse(rewritten);
        Map<String, MethodModel> methods = new HashMap<>();
        for (MethodModel m : after.methods()) {
            methods.put(m.methodName().stringValue() + m.methodType().stringValue(), m);
        }
        int natives = 0;
        for (MethodModel m : before.methods()) {
            if (!m.flags().has(AccessFlag.NATIVE)) {
                continue;
            }
            natives++;
            String descriptor = m.methodType().stringValue();
            MethodModel wrapper = methods.get(m.methodName().stringValue() + descriptor);
            MethodModel renamed = methods.get(NativeCallAgent.PREFIX + m.methodName().stringValue() + descriptor);
            assertThat(renamed).as("renamed native " + m.methodName()).isNotNull();
            assertThat(renamed.flags().has(AccessFlag.NATIVE)).isTrue();
            assertThat(wrapper.flags().has(AccessFlag.NATIVE)).isFalse();
            var calls = wrapper.code().orElseThrow().elementStream()
                    .filter(e -> e instanceof InvokeInstruction).map(e -> ((InvokeInstruction) e).name().stringValue())
                    .toList();
            assertThat(calls).containsExactly("hit", NativeCallAgent.PREFIX + m.methodName().stringValue());
        }
        assertThat(natives).as("DJL's PyTorch JNI methods").isGreaterThan(200);
    }
}
