package adreview.ui.review;

import adreview.desk.ListedVariant;
import adreview.desk.ModelStatus;
import adreview.review.RunOutcome;
import adreview.review.decision.ReviewerDecision;
import adreview.review.decision.Verdict;
import adreview.review.structured.TokenVocabulary;
import adreview.ui.concurrent.TaskExecutor;
import adreview.ui.keys.KeyBinding;
import adreview.ui.keys.KeyStroke;
import adreview.ui.keys.WindowKeys;
import adreview.ui.list.VariantListViewModel;
import adreview.ui.prefs.UiPreferences;
import adreview.ui.state.StateManager;
import adreview.ui.state.VariantFilter;
import adreview.ui.state.VariantNavigator;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review side's view model on the real desk (database, review service, decisions), with a paced model: keys,
 * decisions and their advance, bulk decisions, the reviewer's name, runs, refusals with the re-judge offer, results
 * read from the variant's detail.
 */
class ReviewViewModelTest {

    static PacedModel model;
    static ReviewWorld world;

    private final UiQueue ui = new UiQueue();
    private final UiPreferences preferences = UiPreferences.inMemory();
    private final AtomicInteger asked = new AtomicInteger();
    private Optional<String> answer = Optional.of("Jiyeon");
    private TaskExecutor executor;
    private StateManager state;
    private VariantListViewModel list;
    private ReviewViewModel vm;
    private WindowKeys keys;
    private List<UUID> mine;

    @BeforeAll
    static void start() {
        model = new PacedModel(TokenVocabulary.load(adreview.llava.Fixtures.tinyModel()));
        world = new ReviewWorld(model);
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @BeforeEach
    void desk() throws Exception {
        model.unpace();
        executor = new TaskExecutor(2, ui);
        state = new StateManager();
        list = new VariantListViewModel(executor, state);
        vm = new ReviewViewModel(executor, new VariantNavigator(state, list.visibleVariants()), preferences, () -> {
            asked.incrementAndGet();
            return answer;
        });
        keys = new WindowKeys(() -> false, () -> { });
        for (KeyBinding b : KeyBinding.values()) {
            keys.on(b, () -> vm.perform(b));
        }
        // Three fresh variants of one tenant, shown alone in the list (the filter on their job's tenant id).
        mine = new ArrayList<>();
        for (String image : List.of("ad_landscape.png", "ad_portrait.png", "ad_rgba.png")) {
            mine.add(world.variant(image, "img_gen", "done"));
        }
        list.connect(world.service);
        vm.connect(world.service);
        ui.drainUntil(() -> list.allVariants().size() >= 3 && vm.readinessProperty().get().ready());
        String ids = String.join(" ", mine.stream().map(UUID::toString).toList());
        state.filterProperty().set(VariantFilter.ALL.withText("")); // all visible; the navigator walks the list order
        select(mine.get(0));
    }

    @AfterEach
    void finish() throws Exception {
        model.unpace();
        ui.drainUntil(() -> !vm.queue().runningProperty().get());
        executor.close();
    }

    private ListedVariant row(UUID id) {
        return list.allVariants().stream().filter(v -> v.row().variantId().equals(id)).findFirst().orElseThrow();
    }

    private void select(UUID... ids) {
        List<ListedVariant> rows = java.util.Arrays.stream(ids).map(this::row).toList();
        state.select(rows, rows.get(0));
        vm.variantChanged();
    }

    private boolean press(KeyStroke k) throws Exception {
        boolean used = keys.handle(k, false);
        ui.drain();
        return used;
    }

    private boolean press(KeyCode code) throws Exception {
        return press(KeyStroke.of(code));
    }

    private List<ReviewerDecision> decisions(UUID variant) {
        return world.service.detail(variant).orElseThrow().decisions();
    }

    @Test
    void decisionKeysRecordTheVerdictWithTheReviewersNameAndAdvance() throws Exception {
        int index = list.visibleVariants().indexOf(row(mine.get(0)));
        vm.decisions().commentProperty().set("  logo cut off ");

        assertThat(press(KeyCode.F)).isTrue();
        assertThat(list.visibleVariants().indexOf(state.current())).isEqualTo(index + 1);
        ui.drainUntil(() -> vm.decisions().pendingProperty().get() == 0);

        assertThat(asked).hasValue(1); // asked once…
        assertThat(preferences.get("reviewer.name")).contains("Jiyeon"); // …and remembered
        List<ReviewerDecision> stored = decisions(mine.get(0));
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).verdict()).isEqualTo(Verdict.FIX);
        assertThat(stored.get(0).comment()).isEqualTo("logo cut off");
        assertThat(stored.get(0).reviewer()).isEqualTo("Jiyeon");
        assertThat(stored.get(0).reviewer()).isNotEqualTo(System.getProperty("user.name"));

        select(mine.get(1));
        press(KeyCode.A);
        ui.drainUntil(() -> vm.decisions().pendingProperty().get() == 0);
        assertThat(asked).hasValue(1);
        assertThat(decisions(mine.get(1))).singleElement().satisfies(d -> {
            assertThat(d.verdict()).isEqualTo(Verdict.ACCEPT);
            assertThat(d.comment()).isNull(); // a comment is used once
        });
    }

    @Test
    void withoutANameNothingIsRecordedAndTheStatusSaysWhy() throws Exception {
        answer = Optional.empty();
        assertThat(press(KeyCode.R)).isTrue();
        ui.drain();
        assertThat(decisions(mine.get(0))).isEmpty();
        assertThat(vm.decisions().errorProperty().get()).isTrue();
        assertThat(vm.decisions().statusProperty().get()).contains("name");
    }

    @Test
    void aDecisionOnASelectionOfSeveralIsRecordedForEachAndMovesPastThem() throws Exception {
        vm.decisions().reviewerProperty().set("Minho");
        select(mine.get(0), mine.get(1), mine.get(2));
        press(KeyCode.R);
        ui.drainUntil(() -> vm.decisions().pendingProperty().get() == 0);
        for (UUID id : mine) {
            assertThat(decisions(id)).singleElement().satisfies(d -> {
                assertThat(d.verdict()).isEqualTo(Verdict.REJECT);
                assertThat(d.reviewer()).isEqualTo("Minho");
            });
        }
        assertThat(vm.decisions().statusProperty().get()).contains("3 variants");
        assertThat(state.selectedVariants()).noneMatch(v -> mine.contains(v.row().variantId()));
    }

    @Test
    void jAndKMoveThroughTheVariants() throws Exception {
        int start = list.visibleVariants().indexOf(state.current());
        press(KeyCode.J);
        assertThat(list.visibleVariants().indexOf(state.current())).isEqualTo(start + 1);
        press(KeyCode.K);
        assertThat(list.visibleVariants().indexOf(state.current())).isEqualTo(start);
    }

    @Test
    void digitKeysRunAndShiftDigitsRejudgeTheSelection() throws Exception {
        assertThat(press(KeyCode.DIGIT1)).isTrue();
        ui.drainUntil(() -> vm.queue().lastFinishedProperty().get() != null);
        RunItem run = vm.queue().lastFinishedProperty().get();
        assertThat(run.request().rejudge()).isFalse();
        assertThat(run.outcome()).isInstanceOf(RunOutcome.Done.class);
        assertThat(world.state(mine.get(0))).isEqualTo("vlm_analyze/done");
        assertThat(vm.stage1().presentProperty().get()).isTrue();
        assertThat(vm.stage1().sourceProperty().get()).isEqualTo("Run just now");

        vm.rejudgeReasonProperty().set("copy edited");
        assertThat(press(KeyStroke.shift(KeyCode.DIGIT2))).isTrue();
        ui.drainUntil(() -> vm.queue().lastFinishedProperty().get() != run);
        RunItem rejudge = vm.queue().lastFinishedProperty().get();
        assertThat(rejudge.request().rejudge()).isTrue();
        assertThat(rejudge.request().reason()).isEqualTo("copy edited");
        assertThat(world.state(mine.get(0))).isEqualTo("vlm_analyze/done"); // untouched
        assertThat(vm.rejudgeReasonProperty().get()).isEmpty(); // for one run
    }

    @Test
    void aPipelineKeyOnAVariantPastItsStepSaysItsStateAndOffersTheRejudge() throws Exception {
        UUID past = world.variant("ad_gray.png", "ocr_eval", "done");
        list.refresh();
        ui.drainUntil(() -> list.allVariants().stream().anyMatch(v -> v.row().variantId().equals(past)));
        select(past);
        press(KeyCode.DIGIT1);
        ui.drainUntil(() -> vm.offerRejudgeProperty().get() != null);
        assertThat(vm.messageProperty().get()).contains("ocr_eval/done").contains("re-judge");
        assertThat(world.state(past)).isEqualTo("ocr_eval/done");

        vm.rejudgeInstead();
        ui.drainUntil(() -> vm.queue().lastFinishedProperty().get() != null
                && vm.queue().lastFinishedProperty().get().request().rejudge());
        assertThat(vm.queue().lastFinishedProperty().get().outcome()).isInstanceOf(RunOutcome.Done.class);
        assertThat(world.state(past)).isEqualTo("ocr_eval/done");
    }

    @Test
    void withoutAModelRunsAreRefusedWithWhatIsMissingAndHowToGetIt() throws Exception {
        vm.setReadiness(ModelStatus.missing("Model folder /nope does not exist", "Open Models to download one"));
        assertThat(vm.canRunProperty().get()).isFalse();
        assertThat(press(KeyCode.DIGIT1)).isTrue();
        assertThat(vm.messageProperty().get()).contains("/nope").contains("Open Models");
        assertThat(vm.queue().items()).isEmpty();
    }

    @Test
    void escCancelsTheRunningCallAndPutsTheVariantBack() throws Exception {
        model.paced = true;
        model.permits.drainPermits();
        press(KeyCode.DIGIT1);
        model.permits.release(3);
        ui.drainUntil(() -> vm.queue().currentProperty().get() != null
                && vm.queue().currentProperty().get().state() instanceof RunState.Writing);
        RunItem item = vm.queue().currentProperty().get();
        assertThat(press(KeyCode.ESCAPE)).isTrue();
        model.unpace();
        ui.drainUntil(item::isFinished);
        assertThat(item.state()).isInstanceOf(RunState.Cancelled.class);
        assertThat(world.state(mine.get(0))).isEqualTo("img_gen/done");
    }

    @Test
    void questionMarkOrF1TogglesTheHelpAndEscClosesItWithoutCancelling() throws Exception {
        press(KeyCode.F1);
        assertThat(vm.helpVisibleProperty().get()).isTrue();
        press(KeyCode.ESCAPE);
        assertThat(vm.helpVisibleProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEmpty(); // not "Nothing is running."
        assertThat(press(new KeyStroke(KeyCode.SLASH, true, false, false, "?"))).isTrue();
        assertThat(vm.helpVisibleProperty().get()).isTrue();
    }

    @Test
    void theLatestTracesOfTheDetailFillTheResultsAndTheComparison() throws Exception {
        press(KeyCode.DIGIT1);
        ui.drainUntil(() -> vm.queue().lastFinishedProperty().get() != null);
        vm.rejudgeReasonProperty().set("again");
        press(KeyStroke.shift(KeyCode.DIGIT1));
        ui.drainUntil(() -> vm.queue().items().stream().allMatch(RunItem::isFinished) && vm.queue().items().size() == 2);

        vm.showDetail(world.service.detail(mine.get(0)).orElseThrow());
        assertThat(vm.stage1().presentProperty().get()).isTrue();
        assertThat(vm.stage1().sourceProperty().get()).startsWith("Trace ").contains("re-judge");
        assertThat(vm.stage2().presentProperty().get()).isFalse();
        assertThat(vm.stage2().emptyMessageProperty().get()).contains("No Stage 2 result");
        assertThat(vm.comparison().traces()).hasSize(2);
        assertThat(vm.comparison().rows()).isNotEmpty();
    }
}
