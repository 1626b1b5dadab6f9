package adreview.ui;

import static org.assertj.core.api.Assertions.assertThat;

import adreview.app.DeskConfig;
import adreview.app.DeskServices;
import adreview.desk.DeskService;
import adreview.desk.ListedVariant;
import adreview.desk.VariantDetail;
import adreview.review.decision.Verdict;
import adreview.store.AdCopy;
import adreview.store.AdCopySource;
import adreview.store.AssetLocation;
import adreview.store.Trace;
import adreview.ui.concurrent.TestUiThread;
import adreview.ui.detail.ImageKind;
import adreview.ui.detail.MetadataEntry;
import adreview.ui.detail.VariantDetailViewModel;
import adreview.ui.image.ImageDecoder;
import adreview.ui.image.ImageState;
import adreview.ui.list.VariantListViewModel;
import adreview.ui.state.StateManager;
import adreview.ui.trace.TraceRow;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The list and detail view models against a real embedded PostgreSQL with the demo data, through the desk's service,
 * without starting JavaFX: background tasks finish, callbacks run on the test thread.
 */
class BrowsingViewModelTest {

    private static DeskService service;
    private TestUiThread ui;

    @BeforeAll
    static void openDatabase() throws Exception {
        DeskConfig config = UiFixture.freshHome("browsing-vm-test");
        UiFixture.prepare(config);
        service = new DeskServices(() -> config, false).start(step -> { });
    }

    @AfterAll
    static void closeDatabase() {
        if (service != null) {
            service.close();
        }
        UiFixture.clearHome();
    }

    @BeforeEach
    void startUiThread() {
        ui = new TestUiThread();
    }

    @AfterEach
    void stopUiThread() {
        ui.close();
    }

    private static UUID id(ListedVariant v) {
        return v.row().variantId();
    }

    private static VariantDetail detailOf(ListedVariant v) {
        return service.detail(id(v)).orElseThrow();
    }

    private VariantListViewModel loadedList(StateManager state) throws Exception {
        VariantListViewModel list = new VariantListViewModel(ui.executor(), state);
        list.connect(service);
        list.refresh();
        ui.drain();
        return list;
    }

    private VariantDetailViewModel detailModel() {
        VariantDetailViewModel detail = new VariantDetailViewModel(ui.executor(), new ImageDecoder());
        detail.connect(service);
        return detail;
    }

    @Test
    void listLoadsEveryVariantAndFiltersByStatusStepAndText() throws Exception {
        VariantListViewModel list = new VariantListViewModel(ui.executor(), new StateManager());
        list.connect(service);
        list.refresh();
        assertThat(list.loadingProperty().get()).isTrue();
        ui.drain();

        List<ListedVariant> all = service.variants();
        assertThat(list.loadingProperty().get()).isFalse();
        assertThat(list.allVariants()).hasSize(all.size()).isNotEmpty();
        assertThat(list.countTextProperty().get()).isEqualTo(all.size() + " variants");
        assertThat(list.stepChoices()).startsWith("img_gen", "vlm_analyze", "yolo_detect", "overlay", "vlm_judge", "ocr_eval");

        String status = all.get(0).row().status();
        list.setStatusFilter(Set.of(status));
        long withStatus = all.stream().filter(v -> v.row().status().equals(status)).count();
        assertThat(list.visibleVariants()).hasSize((int) withStatus).allMatch(v -> v.row().status().equals(status));
        assertThat(list.countTextProperty().get()).isEqualTo(withStatus + " of " + all.size() + " variants");

        list.setStatusFilter(Set.of());
        String tenant = all.get(0).row().tenantId();
        list.setSearchText(tenant);
        assertThat(list.visibleVariants()).isNotEmpty().allMatch(v -> v.searchableText().contains(tenant));
    }

    @Test
    void refreshKeepsTheSelectedVariant() throws Exception {
        StateManager state = new StateManager();
        VariantListViewModel list = loadedList(state);
        ListedVariant second = list.allVariants().get(1);
        state.select(List.of(second), second);
        list.refresh();
        ui.drain();
        assertThat(id(state.current())).isEqualTo(id(second));
        assertThat(state.selectedVariants()).extracting(BrowsingViewModelTest::id).containsExactly(id(second));
    }

    @Test
    void detailShowsMetadataAdCopyWithSourceAndTraces() throws Exception {
        ListedVariant traced = service.variants().stream()
                // A traced variant with an image on disk: the "Image URL" row shows both URL and file.
                .filter(v -> detailOf(v).image() instanceof AssetLocation.LocalFile f && f.exists())
                .filter(v -> !detailOf(v).traces().isEmpty())
                .findFirst().orElseThrow();
        AssetLocation.LocalFile image = (AssetLocation.LocalFile) detailOf(traced).image();
        VariantDetailViewModel detail = detailModel();
        detail.show(traced);
        ui.drain();

        assertThat(detail.titleProperty().get()).isEqualTo("Variant " + Formats.shortId(id(traced)));
        assertThat(detail.metadata()).extracting(MetadataEntry::label)
                .contains("Variant id", "Job id", "Tenant", "Step / status", "Image URL");
        assertThat(detail.metadata()).filteredOn(e -> e.label().equals("Variant id"))
                .extracting(MetadataEntry::value).containsExactly(id(traced).toString());
        assertThat(detail.metadata()).filteredOn(e -> e.label().equals("Image URL"))
                .extracting(MetadataEntry::value)
                .allSatisfy(v -> assertThat(v).contains(image.url()).contains(image.path().toString()));

        AdCopy stored = service.adCopy(traced.row().jobId(), null);
        assertThat(detail.adCopyProperty().get()).isEqualTo(stored.text());
        assertThat(detail.adCopySourceProperty().get()).isEqualTo(stored.source());

        detail.typedAdCopyProperty().set("A reviewer's own line");
        ui.drain();
        assertThat(detail.adCopyProperty().get()).isEqualTo("A reviewer's own line");
        assertThat(detail.adCopySourceProperty().get()).isEqualTo(AdCopySource.TYPED);
        detail.typedAdCopyProperty().set("   ");
        ui.drain();
        assertThat(detail.adCopySourceProperty().get()).isEqualTo(stored.source());

        List<Trace> traces = detailOf(traced).traces();
        assertThat(detail.traces().rows()).extracting(r -> r.trace().traceId())
                .containsExactlyElementsOf(traces.stream().map(Trace::traceId).toList());
        TraceRow first = detail.traces().rows().get(0);
        assertThat(first.time()).isEqualTo(Formats.traceTime(traces.get(0).createdAt()));
        detail.traces().selectedProperty().set(first);
        assertThat(detail.traces().responseJsonProperty().get()).startsWith("{\n  \"");
        assertThat(detail.traces().requestJsonProperty().get()).startsWith("{\n  \"");
    }

    @Test
    void aMissingImageFileBecomesAPlaceholderNamingIt() throws Exception {
        ListedVariant missing = service.variants().stream()
                .filter(v -> detailOf(v).image() instanceof AssetLocation.LocalFile f && !f.exists())
                .findFirst().orElseThrow();
        VariantDetailViewModel detail = detailModel();
        detail.show(missing);
        ui.drain();
        assertThat(detail.imageProperty(ImageKind.GENERATED).get()).isInstanceOfSatisfying(ImageState.Problem.class, p -> {
            assertThat(p.title()).isEqualTo("Image file missing");
            assertThat(p.detail()).contains(((AssetLocation.LocalFile) detailOf(missing).image()).path().toString());
        });
    }

    @Test
    void answersForAnEarlierVariantAreDropped() throws Exception {
        List<ListedVariant> all = service.variants();
        VariantDetailViewModel detail = detailModel();
        detail.show(all.get(0));
        detail.show(all.get(1));
        ui.drain();
        assertThat(detail.detailProperty().get().variant().variantId()).isEqualTo(id(all.get(1)));
        assertThat(detail.traces().rows()).allMatch(r -> r.trace().jobId().equals(all.get(1).row().jobId()));
    }

    @Test
    void aRetractedDecisionNoLongerShowsInTheListAndIsMarkedInTheHistory() throws Exception {
        UUID slipped = adreview.store.demo.DemoVariants.reviewed("hangang-4");
        ListedVariant row = service.variants().stream().filter(v -> id(v).equals(slipped)).findFirst().orElseThrow();
        assertThat(row.decision().verdict()).isEqualTo(Verdict.ACCEPT);
        VariantDetailViewModel detail = detailModel();
        detail.show(row);
        ui.drain();
        assertThat(detail.traces().decisions()).extracting(d -> detail.traces().verdictLabel(d))
                .containsExactly("Retracted Reject", "Reject (retracted)", "Accept");
    }
}
