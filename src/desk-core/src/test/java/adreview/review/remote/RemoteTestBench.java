package adreview.review.remote;

import adreview.review.ReviewModel;
import adreview.review.ReviewService;
import adreview.review.ReviewTestDatabase;
import adreview.review.RunRequest;
import adreview.review.prompt.Prompt;
import adreview.review.prompt.PromptLibrary;
import adreview.store.AdCopyResolver;
import adreview.store.AssetResolver;
import adreview.store.ProcessIdentity;
import adreview.store.RenderResolver;
import adreview.store.RunClaims;
import adreview.store.Trace;
import adreview.store.TraceRepository;
import adreview.store.VariantRepository;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A real embedded PostgreSQL with pipeline rows and image files, for runs on the remote backend: variants in any
 * state, the review service on any model, and the checks the tests share (the variant's state, its traces, its
 * run's claim).
 */
public final class RemoteTestBench implements AutoCloseable {

    public final ReviewTestDatabase db;
    public final Path assets;
    public final RunClaims claims;

    public RemoteTestBench() {
        db = ReviewTestDatabase.start();
        assets = db.dir().resolve("assets");
        try {
            Files.createDirectories(assets.resolve("r"));
            for (int i = 0; i < 16; i++) {
                ImageIO.write(picture(96 + 8 * i, 72, i), "png", assets.resolve("r/image-" + i + ".png").toFile());
            }
            ImageIO.write(picture(2000, 1000, 99), "png", assets.resolve("r/large.png").toFile());
            ImageIO.write(picture(120, 120, 50), "png", assets.resolve("r/render.png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A fast heartbeat, so that the partial answer reaches the claim within a test.
        claims = new RunClaims(db.database(), ProcessIdentity.current(), Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    /** A gradient with a shape, different for each {@code seed} (the server's prompt cache must not make runs free). */
    static BufferedImage picture(int w, int h, int seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, new Color((x * 255 / w + seed * 37) % 256, (y * 255 / h + seed * 11) % 256, (seed * 53) % 256).getRGB());
            }
        }
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        return img;
    }

    public ReviewService service(ReviewModel model) {
        return new ReviewService(db.database(), new VariantRepository(db.database()), new TraceRepository(db.database()),
                new AdCopyResolver(db.database()), new RenderResolver(db.database()), new AssetResolver(assets),
                new PromptLibrary(), model, null, claims);
    }

    /** A variant at {@code step/status} with image {@code n} (0–15) and a render. */
    public UUID variant(String step, String status, int n) {
        return variantWithImage(step, status, "/assets/r/image-" + n + ".png");
    }

    public UUID variantWithImage(String step, String status, String imageUrl) {
        UUID job = db.insertJob("Running shoes, 30% off");
        db.insertAdCopy(job, "Run further in our lightest shoe yet", "done");
        return db.insertVariant(job, db.insertAsset(imageUrl), db.insertAsset("/assets/r/render.png"), step, status);
    }

    public static RunRequest stage1(UUID v) {
        return RunRequest.pipeline(Prompt.Stage.STAGE1, v);
    }

    public static RunRequest stage2(UUID v) {
        return RunRequest.pipeline(Prompt.Stage.STAGE2, v);
    }

    public List<Trace> traces(UUID v) {
        return new TraceRepository(db.database()).forVariant(v);
    }

    /** {@code outcome finished} of the variant's newest claim, e.g. {@code failed true}; null when it has none. */
    public String claim(UUID v) {
        return db.query("SELECT outcome || ' ' || (finished_at IS NOT NULL) FROM desk_runs WHERE job_variants_id = ? "
                + "ORDER BY started_at DESC LIMIT 1", v);
    }

    public int claimCount(UUID v) {
        return db.count("desk_runs", "job_variants_id = ?", v);
    }

    @Override
    public void close() {
        claims.close();
        db.close();
    }
}
