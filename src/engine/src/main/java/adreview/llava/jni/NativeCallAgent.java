package adreview.llava.jni;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.AccessFlag;
import java.security.ProtectionDomain;

/**
 * A Java agent that counts libtorch calls: as DJL's {@code PyTorchLibrary} loads, each of its native methods is
 * renamed with {@link #PREFIX} (the JVM strips the prefix again to find the JNI symbol) and a Java method of the
 * original name and signature takes its place, calling {@link NativeCalls#hit()} and then the native one. The class
 * file is rewritten with the JDK's own {@code java.lang.classfile}; if anything fails the class loads unchanged and
 * nothing is counted.
 */
public final class NativeCallAgent {
    static final String TARGET = "ai/djl/pytorch/jni/PyTorchLibrary";
    static final String PREFIX = "adreviewCounted$";
    private static final ClassDesc COUNTER = ClassDesc.of(NativeCalls.class.getName());

    private NativeCallAgent() {
    }

    /** {@code -javaagent:engine.jar}. */
    public static void premain(String args, Instrumentation inst) {
        install(inst);
    }

    /** The desk jar's {@code Launcher-Agent-Class}: runs before {@code main} under {@code java -jar}. */
    public static void agentmain(String args, Instrumentation inst) {
        install(inst);
    }

    private static void install(Instrumentation inst) {
        if (!inst.isNativeMethodPrefixSupported()) {
            System.err.println("native call counting off: this agent may not set a native method prefix"
                    + " (Can-Set-Native-Method-Prefix missing from the manifest)");
            return;
        }
        ClassFileTransformer transformer = new ClassFileTransformer() {
            @Override
            public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
                                    ProtectionDomain domain, byte[] bytes) {
                if (!TARGET.equals(name) || redefined != null) {
                    return null;
                }
                try {
                    byte[] counted = rewrite(bytes);
                    NativeCalls.started();
                    return counted;
                } catch (RuntimeException | LinkageError e) {
                    System.err.println("native call counting off: " + TARGET + " could not be rewritten: " + e);
                    return null;
                }
            }
        };
        inst.addTransformer(transformer, false);
        inst.setNativeMethodPrefix(transformer, PREFIX);
    }

    /** The class with every native method wrapped in a counting Java method of the same name. */
    static byte[] rewrite(byte[] bytes) {
        ClassFile files = ClassFile.of();
        ClassModel model = files.parse(bytes);
        ClassDesc owner = model.thisClass().asSymbol();
        return files.transformClass(model, (builder, element) -> {
            if (!(element instanceof MethodModel m) || !m.flags().has(AccessFlag.NATIVE)) {
                builder.with(element);
                return;
            }
            String name = m.methodName().stringValue();
            MethodTypeDesc type = m.methodTypeSymbol();
            int flags = m.flags().flagsMask();
            boolean isStatic = m.flags().has(AccessFlag.STATIC);
            builder.withMethod(PREFIX + name, type, flags, method -> { });
            builder.withMethodBody(name, type, flags & ~ClassFile.ACC_NATIVE, code -> {
                code.invokestatic(COUNTER, "hit", MethodTypeDesc.of(ConstantDescs.CD_void));
                int slot = 0;
                if (!isStatic) {
                    code.aload(0);
                    slot = 1;
                }
                for (ClassDesc parameter : type.parameterList()) {
                    TypeKind kind = TypeKind.from(parameter);
                    code.loadLocal(kind, slot);
                    slot += kind.slotSize();
                }
                if (isStatic) {
                    code.invokestatic(owner, PREFIX + name, type);
                } else if (m.flags().has(AccessFlag.PRIVATE)) {
                    code.invokespecial(owner, PREFIX + name, type);
                } else {
                    code.invokevirtual(owner, PREFIX + name, type);
                }
                code.return_(TypeKind.from(type.returnType()));
            });
        });
    }
}
