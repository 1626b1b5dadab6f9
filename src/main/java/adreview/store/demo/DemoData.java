package adreview.store.demo;

import adreview.store.Database;
import java.nio.file.Path;

/** Demo data: placeholder until the seeder lands. */
public final class DemoData {
    private DemoData() {
    }

    /** Seeds the demo jobs, variants, images and traces on the first start; returns true when it did. */
    public static boolean seedIfFirstStart(Database database, Path assetRoot) {
        return false;
    }
}
