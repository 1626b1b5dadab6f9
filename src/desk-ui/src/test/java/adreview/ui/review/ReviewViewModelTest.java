package adreview.ui.review;

import adreview.review.decision.Verdict;
import com.fasterxml.jackson.databind.ObjectMapper;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewViewModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UiQueue ui = new UiQueue();
    private final PlainModelWorker worker = new PlainModelWorker();
    private final ScriptedRunner runner = new ScriptedRunner();
    private final List<DecisionRecorder.Decision> stored = new CopyOnWriteArrayList<>();
    private final Set<UUID> failingDecisions = ConcurrentHashMap.newKeySet();
    private final Map<UUID, List<TraceEntry>> traces = new ConcurrentHashMap<>();
    private final ListNavigator nav = new ListNavigator(List.of(
            new VariantRef(UUID.randomUUID(), "v1", null, null, "Summer Sale: 30% off"),
            new VariantRef(UUID.randomUUID(), "v2", null, null, null),
            new VariantRef(UUID.randomUUID(), "v3", null, null, null)));

    private final DecisionRecorder recorder = (id, verdict, comment, reviewer) -> {
        if (failingDecisions.contains(id)) {
            throw new IllegalStateException("database unreachable");
        }
        var d = new DecisionRecorder.Decision(id, verdict, comment, reviewer, Instant.now());
        stored.add(d);
        return d;
    };
    // Background work runs in the calling thread and posts its result to the UI queue, as the real executor would.
    private final ReviewViewModel vm = new ReviewViewModel(runner, worker, recorder,
            id -> traces.getOrDefault(id, List.of()), nav, Runnable::run, ui);

    @AfterEach
    void stop() {
        runner.paced = false;
        runner.permits.release(10_000);
        worker.close();
    }

    private boolean press(KeyCode code) {
        boolean used = vm.handleKey(KeyStroke.of(code), false);
        ui.drain();
        return used;
    }

    @Test
    void decisionKeysRecordTheVerdictAndAdvanceToTheNextVariant() {
        vm.variantChanged();
        vm.decisions().reviewerProperty().set("Jiyeon");
        vm.decisions().commentProperty().set("  logo cut off ");

        assertThat(press(KeyCode.F)).isTrue();
        assertThat(nav.index).isEqualTo(1);
        assertThat(press(KeyCode.A)).isTrue();
        assertThat(nav.index).isEqualTo(2);
        assertThat(press(KeyCode.R)).isTrue();
        assertThat(nav.index).isEqualTo(2); // the last variant: stays

        assertThat(stored).extracting(DecisionRecorder.Decision::verdict)
                .containsExactly(Verdict.FIX, Verdict.ACCEPT, Verdict.REJECT);
        assertThat(stored).extracting(DecisionRecorder.Decision::variantId)
                .containsExactly(nav.variants.get(0).id(), nav.variants.get(1).id(), nav.variants.get(2).id());
        assertThat(stored.get(0).comment()).isEqualTo("logo cut off");
        assertThat(stored.get(1).comment()).isNull(); // a comment is used once
        assertThat(stored).allSatisfy(d -> assertThat(d.reviewer()).isEqualTo("Jiyeon"));
        assertThat(vm.decisions().statusProperty().get()).isEqualTo("Reject: v3 by Jiyeon");
        assertThat(vm.decisions().pendingProperty().get()).isZero();
    }

    @Test
    void keysTypedIntoATextFieldAreNotDecisions() {
        assertThat(vm.handleKey(KeyStroke.of(KeyCode.A), true)).isFalse();
        assertThat(vm.handleKey(KeyStroke.of(KeyCode.DIGIT1), true)).isFalse();
        ui.drain();
        assertThat(stored).isEmpty();
        assertThat(vm.queue().items()).isEmpty();
        assertThat(nav.index).isZero();
    }

    @Test
    void aDecisionTheDatabaseRefusesIsReportedNamingTheVariant() {
        failingDecisions.add(nav.variants.get(0).id());
        press(KeyCode.A);
        assertThat(vm.decisions().errorProperty().get()).isTrue();
        assertThat(vm.decisions().statusProperty().get())
                .isEqualTo("Not recorded: Accept for v1: database unreachable. Go back (K) and decide again.");
    }

    @Test
    void jAndKMoveThroughTheVariants() {
        press(KeyCode.J);
        press(KeyCode.J);
        assertThat(nav.index).isEqualTo(2);
        press(KeyCode.K);
        assertThat(nav.index).isEqualTo(1);
    }

    @Test
    void digitKeysRunAndShiftDigitsRejudgeTheSelection() throws Exception {
        vm.setReadiness(ModelReadiness.ready("llava-tiny"));
        vm.variantChanged();
        runner.paced = false;
        vm.decisions().reviewerProperty().set("kim");
        vm.rejudgeReasonProperty().set("copy changed");
        vm.adCopyOverrideProperty().set("New copy");

        assertThat(vm.handleKey(KeyStroke.shift(KeyCode.DIGIT2), false)).isTrue();
        assertThat(vm.handleKey(KeyStroke.of(KeyCode.DIGIT1), false)).isTrue();
        ui.drainUntil(() -> vm.queue().items().size() == 2 && vm.queue().items().stream().allMatch(RunItem::isFinished));

        RunRequest rejudge = runner.started.get(0);
        assertThat(rejudge.stage()).isEqualTo(StageKind.STAGE2);
        assertThat(rejudge.options().rejudge()).isTrue();
        assertThat(rejudge.options().reviewer()).isEqualTo("kim");
        assertThat(rejudge.options().reason()).isEqualTo("copy changed");
        assertThat(rejudge.options().adCopyOverride()).isEqualTo("New copy");
        RunRequest pipeline = runner.started.get(1);
        assertThat(pipeline.stage()).isEqualTo(StageKind.STAGE1);
        assertThat(pipeline.options().rejudge()).isFalse();
        assertThat(pipeline.options().adCopyOverride()).isNull(); // overrides are for one run
        // The finished Stage 1 run is shown at once for the current variant.
        assertThat(vm.stage1().presentProperty().get()).isTrue();
        assertThat(vm.stage1().scoreTextProperty().get()).isEqualTo("0.80");
        assertThat(vm.stage1().sourceProperty().get()).isEqualTo("Run just now");
    }

    @Test
    void withoutAModelRunsAreRefusedWithWhatIsMissingAndHowToGetIt() {
        vm.setReadiness(ModelFolderInspector.inspect(null));
        vm.variantChanged();

        assertThat(vm.canRunProperty().get()).isFalse();
        assertThat(vm.runNoteProperty().get()).contains("No model folder is configured")
                .contains("models download llava-hf/llava-1.5-7b-hf");
        assertThat(press(KeyCode.DIGIT1)).isTrue();
        assertThat(vm.queue().items()).isEmpty();
        assertThat(vm.messageProperty().get()).contains("models download llava-hf/llava-1.5-7b-hf");

        vm.setReadiness(ModelReadiness.ready("llava-tiny"));
        assertThat(vm.canRunProperty().get()).isTrue();
        assertThat(vm.runNoteProperty().get()).isEqualTo("Model: llava-tiny");
    }

    @Test
    void escCancelsTheRunningCall() throws Exception {
        vm.setReadiness(ModelReadiness.ready("llava-tiny"));
        vm.variantChanged();
        runner.tokens = 512;
        press(KeyCode.DIGIT1);
        runner.permits.release(4);
        ui.drainUntil(() -> vm.queue().currentProperty().get() != null
                && vm.queue().currentProperty().get().phase() instanceof RunPhase.Writing);
        RunItem item = vm.queue().currentProperty().get();

        assertThat(press(KeyCode.ESCAPE)).isTrue();
        runner.permits.release();
        ui.drainUntil(item::isFinished);
        assertThat(item.outcome()).isInstanceOf(RunOutcome.Cancelled.class);
    }

    @Test
    void questionMarkOrF1TogglesTheHelpAndEscClosesItWithoutCancelling() {
        assertThat(vm.handleKey(new KeyStroke(KeyCode.SLASH, true, false, false, "?"), false)).isTrue();
        assertThat(vm.helpVisibleProperty().get()).isTrue();
        press(KeyCode.ESCAPE);
        assertThat(vm.helpVisibleProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEmpty();
        press(KeyCode.F1);
        assertThat(vm.helpVisibleProperty().get()).isTrue();
        press(KeyCode.F1);
        assertThat(vm.helpVisibleProperty().get()).isFalse();
    }

    @Test
    void everyActionInTheHelpHasAKeyThatReachesIt() {
        List<KeyStroke> strokes = new ArrayList<>();
        for (KeyCode c : KeyCode.values()) {
            strokes.add(KeyStroke.of(c));
            strokes.add(KeyStroke.shift(c));
        }
        EnumSet<ReviewAction> reached = EnumSet.noneOf(ReviewAction.class);
        strokes.forEach(s -> ReviewKeymap.actionFor(s).ifPresent(reached::add));
        assertThat(reached).containsExactlyInAnyOrder(ReviewAction.values());
        assertThat(ReviewKeymap.actionFor(new KeyStroke(KeyCode.A, false, true, false, ""))).isEmpty(); // Ctrl+A is not Accept
    }

    @Test
    void theLatestTracesFillTheResultsAndTheComparison() throws Exception {
        UUID id = nav.variants.get(0).id();
        traces.put(id, List.of(
                new TraceEntry(UUID.randomUUID(), Instant.parse("2026-11-26T06:10:00Z"), "judge", 900,
                        JSON.readTree("{\"render_asset_url\":\"/assets/t/r.png\",\"rejudge\":true}"),
                        JSON.readTree("{\"on_brief\":true,\"occlusion\":true,\"contrast_ok\":true,\"cta_present\":false,\"analysis\":\"ok\",\"issues\":[\"CTA missing\"]}")),
                new TraceEntry(UUID.randomUUID(), Instant.parse("2026-11-26T06:05:00Z"), "analyze", 1200,
                        JSON.readTree("{\"prompt\":\"p2\",\"ad_copy_text\":\"가을 신상 입고\"}"),
                        JSON.readTree("{\"is_valid\":true,\"image_quality_ok\":false,\"relevance_score\":0.35,\"analysis\":\"a\",\"issues\":[\"blurry\"],\"recommendations\":[],\"font_recommendation\":{\"style\":\"serif\",\"size\":\"small\",\"color\":\"dark\"}}")),
                new TraceEntry(UUID.randomUUID(), Instant.parse("2026-11-26T06:00:00Z"), "analyze", 1100,
                        JSON.readTree("{\"prompt\":\"p1\"}"),
                        JSON.readTree("{\"is_valid\":true,\"image_quality_ok\":true,\"relevance_score\":0.9,\"analysis\":\"a\",\"issues\":[],\"recommendations\":[],\"font_recommendation\":{\"style\":\"bold\",\"size\":\"large\",\"color\":\"light\"}}"))));
        vm.variantChanged();
        ui.drain();

        assertThat(vm.stage1().scoreTextProperty().get()).isEqualTo("0.35");
        assertThat(vm.stage1().scoreLevelProperty().get()).isEqualTo(Stage1ResultViewModel.ScoreLevel.POOR);
        assertThat(vm.stage1().issues()).containsExactly("blurry");
        assertThat(vm.stage1().fontProperty().get().caption()).isEqualTo("Serif · Small · Dark");
        assertThat(vm.stage1().previewCopyProperty().get()).isEqualTo("가을 신상 입고"); // the copy the model judged
        assertThat(vm.stage1().fontProperty().get().families().get(0)).isEqualTo("NanumMyeongjo");
        assertThat(vm.stage2().summaryProperty().get()).isEqualTo("2 of 4 checks pass");
        assertThat(vm.comparison().rightProperty().get()).isSameAs(traces.get(id).get(0));
        assertThat(vm.comparison().leftProperty().get()).isSameAs(traces.get(id).get(1));

        press(KeyCode.J); // v2 has no traces
        vm.variantChanged();
        ui.drain();
        assertThat(vm.stage1().presentProperty().get()).isFalse();
        assertThat(vm.stage1().emptyMessageProperty().get()).isEqualTo("No Stage 1 result for v2 yet. Press 1 to run Stage 1.");
        assertThat(vm.comparison().summaryProperty().get()).isEqualTo("A comparison needs two traces; this variant has 0.");
    }

    @Test
    void aPipelineKeyOnAVariantPastItsStepSaysItsStateAndOffersTheRejudge() throws Exception {
        VariantRef past = new VariantRef(UUID.randomUUID(), "past", null, null, null, "ocr_eval", "done");
        ListNavigator one = new ListNavigator(List.of(past));
        ReviewViewModel model = new ReviewViewModel(runner, worker, recorder, id -> List.of(), one, Runnable::run, ui);
        model.setReadiness(ModelReadiness.ready("tiny"));
        model.variantChanged();
        ui.drain();

        model.handleKey(KeyStroke.of(KeyCode.DIGIT1), false);
        ui.drain();
        assertThat(runner.started).isEmpty();
        assertThat(model.messageProperty().get()).contains("it is at ocr_eval/done").contains("re-judge");
        assertThat(model.rejudgeOfferProperty().get()).isEqualTo(StageKind.STAGE1);

        runner.paced = false;
        assertThat(model.acceptRejudgeOffer()).isTrue();
        ui.drainUntil(() -> !runner.started.isEmpty());
        assertThat(runner.started).singleElement().satisfies(r -> assertThat(r.options().rejudge()).isTrue());
        assertThat(model.rejudgeOfferProperty().get()).isNull();
    }

    @Test
    void zoomKeysAndStageKeysAreDistinct() {
        // The window zooms with + / − / 0 / Z; none of them may start or change a run.
        for (KeyCode zoom : List.of(KeyCode.PLUS, KeyCode.MINUS, KeyCode.DIGIT0, KeyCode.Z)) {
            assertThat(ReviewKeymap.actionFor(KeyStroke.of(zoom))).as(zoom.name()).isEmpty();
        }
        assertThat(ReviewKeymap.actionFor(KeyStroke.of(KeyCode.DIGIT1))).contains(ReviewAction.RUN_STAGE1);
        assertThat(ReviewKeymap.actionFor(KeyStroke.of(KeyCode.DIGIT2))).contains(ReviewAction.RUN_STAGE2);
    }
}
