package adreview.llava;

import adreview.llava.image.ImageMode;
import adreview.llava.jni.NativeCalls;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;

/**
 * Run in a JVM of its own by {@link PlainJvmEngineTest}: loads the tiny model on the CPU, generates a few tokens and
 * prints what the engine says it decodes with and how many libtorch calls the generation made.
 */
public final class EngineProbeMain {
    private EngineProbeMain() {
    }

    public static void main(String[] args) throws Exception {
        BufferedImage image = ImageIO.read(Fixtures.images().resolve("ad_portrait.png").toFile());
        try (LlavaModel m = LlavaModel.load(Fixtures.tinyModel(), new LoadOptions(Device.CPU, Precision.FP32), null)) {
            long before = NativeCalls.count();
            Generation g = m.generate(new GenerationRequest(image, "Describe the ad.", 4, ImageMode.PAD, null, null,
                    null));
            System.out.println("engine=" + m.info().engine());
            System.out.println("tokens=" + g.tokenIds().length);
            System.out.println("counting=" + NativeCalls.counting() + " calls=" + (NativeCalls.count() - before));
        }
    }
}
