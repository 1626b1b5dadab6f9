package adreview.llava.net;

import adreview.llava.Fixtures;
import adreview.llava.bench.FixtureParity;
import adreview.llava.bench.FixtureReference;
import adreview.llava.generate.Generator;

/** The fixture's reference tensors and small numeric helpers for parity tests. */
public final class Reference implements AutoCloseable {
    public static final int CASES = FixtureReference.CASES;
    private final FixtureReference file = FixtureReference.open(Fixtures.fixtures());

    public float[] floats(int c, String name) {
        return file.floats(c, name);
    }

    public long[] longs(int c, String name) {
        return file.longs(c, name);
    }

    public float[] pixels(String processor, String image) {
        return file.pixels(processor, image);
    }

    /** ‖a − b‖ / ‖b‖. */
    public static double relativeError(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
        }
        return FixtureParity.relativeError(a, b);
    }

    public static double cosine(float[] a, float[] b) {
        return FixtureParity.cosine(a, b);
    }

    public static int argMax(float[] a) {
        return Generator.argMax(a);
    }

    @Override
    public void close() {
        file.close();
    }
}
