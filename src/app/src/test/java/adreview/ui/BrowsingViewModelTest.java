package adreview.ui;

import static org.assertj.core.api.Assertions.assertThat;

import adreview.app.DeskConfig;
import adreview.app.StoreDeskBackend;
import adreview.ui.concurrent.TestUiThread;
import adreview.ui.data.AdCopySource;
import adreview.ui.data.DeskSession;
import adreview.ui.data.ResolvedAdCopy;
import adreview.ui.data.TraceEntry;
import adreview.ui.data.VariantSummary;
import adreview.ui.detail.MetadataEntry;
import adreview.ui.detail.VariantDetailViewModel;
import adreview.ui.image.ImageDecoder;
import adreview.ui.image.ImageState;
import adreview.ui.list.VariantListViewModel;
import adreview.ui.trace.TraceRow;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The list and detail view models against a real embedded PostgreSQL with the demo data, without
 * starting JavaFX: background tasks finish, callbacks run on the test thread.
 */
class BrowsingViewModelTest {

    private static DeskSession session;
    private TestUiThread ui;

    @BeforeAll
    static void openDatabase() throws Exception {
        DeskConfig config = UiFixture.freshHome("browsing-vm-test");
        UiFixture.prepare(config);
        session = new StoreDeskBackend(() -> config, false).open(message -> { });
    }

    @AfterAll
    static void closeDatabase() {
        if (session != null) {
            session.close();
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

    @Test
    void listLoadsEveryVariantAndFiltersByStatusStepAndText() throws Exception {
        VariantListViewModel list = new VariantListViewModel(ui.executor());
        list.setData(session.data());
        list.refresh();
        assertThat(list.loadingProperty().get()).isTrue();
        ui.drain();

        List<VariantSummary> all = session.data().listVariants();
        assertThat(list.loadingProperty().get()).isFalse();
        assertThat(list.allVariants()).hasSize(all.size()).isNotEmpty();
        assertThat(list.countTextProperty().get()).isEqualTo(all.size() + " variants");
        assertThat(list.stepChoices()).startsWith("img_gen", "vlm_analyze", "yolo_detect", "overlay", "vlm_judge", "ocr_eval");

        String status = all.get(0).status();
        list.setStatusFilter(Set.of(status));
        long withStatus = all.stream().filter(v -> v.status().equals(status)).count();
        assertThat(list.visibleVariants()).hasSize((int) withStatus).allMatch(v -> v.status().equals(status));
        assertThat(list.countTextProperty().get()).isEqualTo(withStatus + " of " + all.size() + " variants");

        list.setStatusFilter(Set.of());
        list.setSearchText(all.get(0).tenantId());
        assertThat(list.visibleVariants()).isNotEmpty().allMatch(v -> v.tenantId().equals(all.get(0).tenantId())
                || v.searchableText().contains(all.get(0).tenantId()));
    }

    @Test
    void refreshKeepsTheSelectedVariant() throws Exception {
        VariantListViewModel list = new VariantListViewModel(ui.executor());
        list.setData(session.data());
        list.refresh();
        ui.drain();
        VariantSummary second = list.allVariants().get(1);
        list.selectedProperty().set(second);
        list.refresh();
        ui.drain();
        assertThat(list.selectedProperty().get()).isNotSameAs(second);
        assertThat(list.selectedProperty().get().variantId()).isEqualTo(second.variantId());
    }

    @Test
    void detailShowsMetadataAdCopyWithSourceAndTraces() throws Exception {
        VariantSummary traced = session.data().listVariants().stream()
                // A traced variant with an image on disk: the "Image URL" row shows both URL and file.
                .filter(v -> v.image().url() != null && v.image().hasFile() && Files.exists(v.image().file()))
                .filter(v -> !session.data().traces(v.variantId(), v.jobId()).isEmpty())
                .findFirst().orElseThrow();
        VariantDetailViewModel detail = new VariantDetailViewModel(ui.executor(), new ImageDecoder());
        detail.setData(session.data());
        detail.show(traced);
        ui.drain();

        assertThat(detail.titleProperty().get()).isEqualTo("Variant " + Formats.shortId(traced.variantId()));
        assertThat(detail.metadata()).extracting(MetadataEntry::label)
                .contains("Variant id", "Job id", "Tenant", "Step / status", "Image URL");
        assertThat(detail.metadata()).filteredOn(e -> e.label().equals("Variant id"))
                .extracting(MetadataEntry::value).containsExactly(traced.variantId().toString());
        assertThat(detail.metadata()).filteredOn(e -> e.label().equals("Image URL"))
                .extracting(MetadataEntry::value)
                .allSatisfy(v -> assertThat(v).contains(traced.image().url()).contains(String.valueOf(traced.image().file())));

        ResolvedAdCopy stored = session.data().resolveAdCopy(traced.jobId(), null);
        assertThat(detail.adCopyProperty().get()).isEqualTo(stored.text());
        assertThat(detail.adCopySourceProperty().get()).isEqualTo(stored.source());

        detail.typedAdCopyProperty().set("A reviewer's own line");
        ui.drain();
        assertThat(detail.adCopyProperty().get()).isEqualTo("A reviewer's own line");
        assertThat(detail.adCopySourceProperty().get()).isEqualTo(AdCopySource.TYPED);
        detail.typedAdCopyProperty().set("   ");
        ui.drain();
        assertThat(detail.adCopySourceProperty().get()).isEqualTo(stored.source());

        List<TraceEntry> traces = session.data().traces(traced.variantId(), traced.jobId());
        assertThat(detail.traces().rows()).extracting(r -> r.trace().traceId())
                .containsExactlyElementsOf(traces.stream().map(TraceEntry::traceId).toList());
        TraceRow first = detail.traces().rows().get(0);
        assertThat(first.time()).isEqualTo(Formats.traceTime(traces.get(0).createdAt()));
        detail.traces().selectedProperty().set(first);
        assertThat(detail.traces().responseJsonProperty().get()).startsWith("{\n  \"");
        assertThat(detail.traces().requestJsonProperty().get()).startsWith("{\n  \"");
    }

    @Test
    void aMissingImageFileBecomesAPlaceholderNamingIt() throws Exception {
        VariantSummary missing = session.data().listVariants().stream()
                .filter(v -> v.image().hasFile() && !Files.exists(v.image().file()))
                .findFirst().orElseThrow();
        VariantDetailViewModel detail = new VariantDetailViewModel(ui.executor(), new ImageDecoder());
        detail.setData(session.data());
        detail.show(missing);
        ui.drain();
        assertThat(detail.imageProperty().get()).isInstanceOfSatisfying(ImageState.Problem.class, p -> {
            assertThat(p.title()).isEqualTo("Image file missing");
            assertThat(p.detail()).contains(missing.image().file().toString());
        });
    }

    @Test
    void answersForAnEarlierVariantAreDropped() throws Exception {
        List<VariantSummary> all = session.data().listVariants();
        VariantDetailViewModel detail = new VariantDetailViewModel(ui.executor(), new ImageDecoder());
        detail.setData(session.data());
        detail.show(all.get(0));
        detail.show(all.get(1));
        ui.drain();
        assertThat(detail.detailProperty().get().variantId()).isEqualTo(all.get(1).variantId());
        assertThat(detail.traces().rows()).allMatch(r -> r.trace().jobId().equals(all.get(1).jobId()));
    }

    @Test
    void aRetractedDecisionNoLongerShowsInTheListAndIsMarkedInTheHistory() {
        java.util.UUID slipped = adreview.store.demo.DemoVariants.reviewed("hangang-4");
        VariantSummary row = session.data().listVariants().stream().filter(v -> v.variantId().equals(slipped))
                .findFirst().orElseThrow();
        assertThat(row.decision()).isEqualTo("Accept");
        assertThat(session.data().decisions(slipped)).extracting(adreview.ui.data.DecisionEntry::verdict)
                .containsExactly("Retracted Reject", "Reject (retracted)", "Accept");
    }
}
