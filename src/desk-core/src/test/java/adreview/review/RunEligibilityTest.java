package adreview.review;

import adreview.review.prompt.Prompt;
import adreview.review.prompt.PromptLibrary;
import adreview.store.AdCopyResolver;
import adreview.store.AssetResolver;
import adreview.store.PipelineStep;
import adreview.store.RenderResolver;
import adreview.store.TraceRepository;
import adreview.store.VariantRepository;
import adreview.store.VariantStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every step × status pair through the real review service on a real PostgreSQL, both stages, pipeline
 * run and re-judge: a pipeline run starts only from the states of the issue's table and sets the stage's
 * step running then done; anything else is refused before anything is written; a re-judge runs anywhere
 * and changes no state.
 */
class RunEligibilityTest {

    /** The issue's table, written out independently of {@link RunEligibility}. */
    static final Map<Integer, Set<String>> STARTS_FROM = Map.of(
            1, Set.of("img_gen/done", "vlm_analyze/queued", "vlm_analyze/failed"),
            2, Set.of("overlay/done", "vlm_judge/queued", "vlm_judge/failed"));
    static final Map<Integer, String> SETS = Map.of(1, "vlm_analyze", 2, "vlm_judge");

    static ReviewTestDatabase db;
    static ReviewService service;
    static TraceRepository traces;

    @BeforeAll
    static void start() throws Exception {
        db = ReviewTestDatabase.start();
        Path assets = db.dir().resolve("assets");
        Files.createDirectories(assets.resolve("e"));
        ImageIO.write(new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB), "png", assets.resolve("e/image.png").toFile());
        ImageIO.write(new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB), "png", assets.resolve("e/render.png").toFile());
        traces = new TraceRepository(db.database());
        service = new ReviewService(db.database(), new VariantRepository(db.database()), traces,
                new AdCopyResolver(db.database()), new RenderResolver(db.database()), new AssetResolver(assets),
                new PromptLibrary(), ScriptedModel.fast());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static Stream<Arguments> everyState() {
        List<Arguments> all = new ArrayList<>();
        for (int stage : new int[] {1, 2}) {
            for (PipelineStep step : PipelineStep.values()) {
                for (VariantStatus status : VariantStatus.values()) {
                    for (boolean rejudge : new boolean[] {false, true}) {
                        all.add(Arguments.of(stage, step.dbValue(), status.dbValue(), rejudge));
                    }
                }
            }
        }
        return all.stream();
    }

    @Test
    void theTableInCodeIsTheIssuesTable() {
        for (RunEligibility e : RunEligibility.values()) {
            assertThat(e.startsFrom()).extracting(RunEligibility.From::toString)
                    .containsExactlyInAnyOrderElementsOf(STARTS_FROM.get(e.number()));
            assertThat(e.runStep().dbValue()).isEqualTo(SETS.get(e.number()));
        }
        assertThat(everyState().count()).isEqualTo(2 * 6 * 4 * 2);
    }

    @ParameterizedTest(name = "Stage {0} from {1}/{2}, re-judge {3}")
    @MethodSource("everyState")
    void aRunStartsOnlyWhereTheTableAllows(int stage, String step, String status, boolean rejudge) {
        UUID job = db.insertJob("Summer sale on running shoes");
        UUID v = db.insertVariant(job, db.insertAsset("/assets/e/image.png"), db.insertAsset("/assets/e/render.png"),
                step, status);
        String before = db.query("SELECT updated_at::text FROM jobs_variants WHERE job_variants_id = ?", v);
        Prompt.Stage s = stage == 1 ? Prompt.Stage.STAGE1 : Prompt.Stage.STAGE2;
        RunRequest request = (rejudge ? RunRequest.rejudge(s, v, "qa", "table test") : RunRequest.pipeline(s, v))
                .withConstrained(false);
        boolean allowed = rejudge || STARTS_FROM.get(stage).contains(step + "/" + status);

        if (!allowed) {
            assertThatThrownBy(() -> service.run(request, null, null))
                    .isInstanceOf(NotEligibleException.class)
                    .hasMessageContaining("it is at " + step + "/" + status)
                    .hasMessageContaining("--rejudge");
            assertThat(db.state(v)).isEqualTo(status + "/" + step);
            assertThat(db.query("SELECT updated_at::text FROM jobs_variants WHERE job_variants_id = ?", v)).isEqualTo(before);
            assertThat(db.count("vlm_traces", "job_variants_id = ?", v)).isZero();
            assertThat(db.count("desk_runs", "job_variants_id = ?", v)).isZero();
            return;
        }
        RunOutcome o = service.run(request, null, null);
        assertThat(o).isInstanceOf(RunOutcome.Done.class);
        assertThat(traces.forVariant(v)).singleElement()
                .satisfies(t -> assertThat(t.request().get("rejudge").asBoolean()).isEqualTo(rejudge));
        if (rejudge) {
            assertThat(db.state(v)).isEqualTo(status + "/" + step);
            assertThat(db.query("SELECT updated_at::text FROM jobs_variants WHERE job_variants_id = ?", v)).isEqualTo(before);
            assertThat(db.count("desk_runs", "job_variants_id = ?", v)).isZero();
        } else {
            assertThat(db.state(v)).isEqualTo("done/" + SETS.get(stage));
            assertThat(db.query("SELECT outcome || ' ' || expected_step || ' ' || from_step || '/' || from_status "
                    + "FROM desk_runs WHERE job_variants_id = ?", v))
                    .isEqualTo("done " + SETS.get(stage) + " " + step + "/" + status);
        }
    }
}
