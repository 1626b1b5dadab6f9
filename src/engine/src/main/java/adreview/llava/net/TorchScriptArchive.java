package adreview.llava.net;

import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A TorchScript module made from source, without Python: the archive {@code torch.jit.save} writes (a zip of
 * {@code code/__torch__.py}, a pickled module object in {@code data.pkl}, an empty {@code constants.pkl} and the
 * format {@code version}), which libtorch compiles when it loads it. The module holds no tensors: everything it
 * reads comes in as arguments, so the archive is a few hundred bytes and the same for every model.
 */
final class TorchScriptArchive {
    /**
     * The archive format version: 6 is one every libtorch since 1.10 reads, and above the versions whose operators
     * loading would rewrite ("upgraders" for the old integer division and {@code full}).
     */
    private static final String FORMAT_VERSION = "6\n";

    private TorchScriptArchive() {
    }

    /** Loads the class {@code className} of the source resource {@code resource} (next to this class). */
    static PtSymbolBlock load(String resource, String className, PtNDManager manager) {
        Path file = null;
        try {
            file = Files.createTempFile("adreview-" + className, ".pt");
            Files.write(file, archive(source(resource), className));
            // trainParam false: the module loads in eval mode
            return JniUtils.loadModule(manager, file, false, new String[0], new String[0], false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the TorchScript archive for " + className, e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a few hundred bytes in the temp folder
                }
            }
        }
    }

    private static String source(String resource) throws IOException {
        try (InputStream in = TorchScriptArchive.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " missing from the engine jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static byte[] archive(String source, String className) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String root = className.toLowerCase(java.util.Locale.ROOT) + "/";
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, root + "data.pkl", moduleObject(className));
            put(zip, root + "code/__torch__.py", source.getBytes(StandardCharsets.UTF_8));
            put(zip, root + "constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'}); // an empty tuple
            put(zip, root + "version", FORMAT_VERSION.getBytes(StandardCharsets.US_ASCII));
        }
        return bytes.toByteArray();
    }

    /**
     * A pickle (protocol 2) of one object of class {@code __torch__.className} whose only attribute is
     * {@code training = False}, the way TorchScript's pickler writes a module: GLOBAL, EMPTY_TUPLE, NEWOBJ, then the
     * attributes as a dict, BUILD.
     */
    static byte[] moduleObject(String className) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0x80);
        b.write(2);
        b.writeBytes(("c__torch__\n" + className + "\n").getBytes(StandardCharsets.UTF_8));
        b.write(')');
        b.write(0x81);
        b.write('}');
        b.write('(');
        byte[] key = "training".getBytes(StandardCharsets.UTF_8);
        b.write('X');
        b.write(key.length);
        b.write(0);
        b.write(0);
        b.write(0);
        b.writeBytes(key);
        b.write(0x89); // False
        b.write('u');
        b.write('b');
        b.write('.');
        return b.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }
}
