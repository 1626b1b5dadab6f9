package adreview.ui.review;

import adreview.desk.ListedVariant;
import adreview.desk.StoreDeskService;
import adreview.desk.TestDesks;
import adreview.review.ReviewModel;
import adreview.review.ReviewTestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A real desk for review-side tests: an embedded PostgreSQL with the desk's schema, the fixture images under an asset
 * root, and the desk's facade on the given model. Variants are made in the states a test needs.
 */
final class ReviewWorld implements AutoCloseable {

    final ReviewTestDatabase db;
    final Path assets;
    final StoreDeskService service;

    ReviewWorld(ReviewModel model) {
        db = ReviewTestDatabase.start();
        assets = db.dir().resolve("assets");
        try {
            Files.createDirectories(assets.resolve("t"));
            for (String name : new String[] {"ad_landscape.png", "ad_portrait.png", "ad_rgba.png", "ad_gray.png"}) {
                Files.copy(adreview.llava.Fixtures.images().resolve(name), assets.resolve("t").resolve(name));
            }
            Files.copy(adreview.llava.Fixtures.images().resolve("ad_gray.png"), assets.resolve("t/fail.png"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        service = TestDesks.on(db, assets, model);
    }

    /** A variant of a new job, image {@code /assets/t/<image>}, with a render and layout, at step/status. */
    UUID variant(String image, String step, String status) {
        UUID job = db.insertJob("A cosy cafe breakfast");
        db.insertAdCopy(job, "Start your morning right", "done");
        UUID v = db.insertVariant(job, db.insertAsset("/assets/t/" + image), db.insertAsset("/assets/t/ad_portrait.png"),
                step, status);
        db.insertOverlay(v, "/assets/t/ad_rgba.png");
        return v;
    }

    /** The variant as the list shows it now. */
    ListedVariant listed(UUID id) {
        return service.variants().stream().filter(v -> v.row().variantId().equals(id)).findFirst().orElseThrow();
    }

    /** "step/status", as the desk shows it (the database helper says "status/step"). */
    String state(UUID id) {
        String[] statusStep = db.state(id).split("/", 2);
        return statusStep[1] + "/" + statusStep[0];
    }

    @Override
    public void close() {
        service.close();
        db.close();
    }
}
