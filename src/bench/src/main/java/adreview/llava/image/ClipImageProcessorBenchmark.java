package adreview.llava.image;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * {@link ClipImageProcessor#process} on a portrait 1080x1920 ad (a phone-sized creative), as ImageIO decodes a PNG
 * or JPEG ({@code TYPE_3BYTE_BGR}). Run after {@code mvnw test-compile}:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main ClipImageProcessorBenchmark}
 * (cp.txt from {@code mvnw dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClipImageProcessorBenchmark {

    @Param({"PAD", "CROP"})
    public ImageMode mode;

    @Param({"TORCHVISION", "PILLOW"})
    public ResizeArithmetic arithmetic;

    private BufferedImage image;
    private ClipImageProcessor processor;

    @Setup
    public void setUp() {
        image = new BufferedImage(1080, 1920, BufferedImage.TYPE_3BYTE_BGR);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        new Random(1).nextBytes(data);
        processor = new ClipImageProcessor(ClipPreprocessConfig.llava15(), arithmetic);
    }

    @Benchmark
    public float[] process() {
        return processor.process(image, mode);
    }
}
