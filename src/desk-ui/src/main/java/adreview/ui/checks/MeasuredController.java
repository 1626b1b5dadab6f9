package adreview.ui.checks;

import adreview.checks.Disagreement;
import adreview.checks.MeasuredChecks;
import adreview.checks.MeasuredReport;
import adreview.review.measured.VariantMeasurement;
import adreview.ui.Failures;
import adreview.ui.concurrent.BackgroundExecutor;
import adreview.ui.data.DeskData;
import adreview.ui.data.TraceEntry;
import adreview.ui.data.VariantSummary;
import adreview.ui.json.PrettyJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.scene.control.ScrollPane;

/**
 * The "Measured" tab's logic: when a variant is selected it measures it off the FX thread (images,
 * render, layout from the store), compares with the latest Stage 2 answer, and shows the report; a
 * result for a variant that is no longer selected is dropped. The report also goes to the image
 * pane's boxes layer.
 */
public final class MeasuredController {

    /** A measurement with the model's disagreements, as computed in the background. */
    private record Result(MeasuredReport report, List<Disagreement> disagreements) {
    }

    private final BackgroundExecutor executor;
    private final Consumer<MeasuredReport> onReport;
    private final MeasuredPanel panel = new MeasuredPanel();
    private final ScrollPane node = new ScrollPane(panel);
    private VariantMeasurement measurement;
    private DeskData data;
    private VariantSummary shown;
    private long generation;
    private MeasuredReport report;

    /** @param onReport receives each report shown (null while measuring or when there is none), on the FX thread */
    public MeasuredController(BackgroundExecutor executor, Consumer<MeasuredReport> onReport) {
        this.executor = executor;
        this.onReport = onReport;
        node.setFitToWidth(true);
        node.setId("measuredScroll");
        panel.setId("measuredPanel");
        panel.showNothing("The database is not open yet.");
    }

    /** Connects to the open session and measures the variant already shown. */
    public void connect(VariantMeasurement measurement, DeskData data) {
        this.measurement = measurement;
        this.data = data;
        show(shown);
    }

    /** Measures {@code variant} (null clears); call on the FX thread when the selection changes. */
    public void show(VariantSummary variant) {
        long current = ++generation;
        shown = variant;
        setReport(null);
        if (measurement == null) {
            return;
        }
        if (variant == null) {
            panel.showNothing("Select a variant to measure contrast, CTA and occlusion.");
            return;
        }
        panel.showNothing("Measuring variant " + variant.variantId() + "…");
        VariantMeasurement m = measurement;
        DeskData d = data;
        executor.task("measure " + variant.variantId(), () -> {
                    if (current != generation) {
                        return null; // the reviewer moved on before this started: skip the work
                    }
                    MeasuredReport r = m.measure(variant.variantId(), null);
                    return new Result(r, disagreements(r, d, variant.variantId(), variant.jobId()));
                })
                .onSuccess(result -> {
                    if (current == generation && result != null) {
                        panel.show(result.report(), result.disagreements());
                        setReport(result.report());
                    }
                })
                .onFailure(error -> {
                    if (current == generation) {
                        panel.showNothing("Could not measure variant " + variant.variantId() + ": "
                                + Failures.describe(error));
                    }
                })
                .execute();
    }

    /** Measures the shown variant again (after a run or a refresh). */
    public void refresh() {
        show(shown);
    }

    /** Where the model's latest Stage 2 answer for the variant contradicts the measurement; empty without one. */
    static List<Disagreement> disagreements(MeasuredReport report, DeskData data, UUID variantId, UUID jobId) {
        if (data == null) {
            return List.of();
        }
        for (TraceEntry t : data.traces(variantId, jobId)) { // newest first
            if (!variantId.equals(t.variantId())) {
                continue;
            }
            JsonNode r = PrettyJson.parseOrNull(t.responseJson());
            if (r == null || !r.isObject() || (r.hasNonNull("error"))
                    || !(r.has("contrast_ok") || r.has("cta_present") || r.has("occlusion"))) {
                continue;
            }
            return MeasuredChecks.disagreements(report, bool(r, "contrast_ok"), bool(r, "cta_present"),
                    bool(r, "occlusion"));
        }
        return List.of();
    }

    private static Boolean bool(JsonNode r, String field) {
        JsonNode v = r.get(field);
        return v != null && v.isBoolean() ? v.asBoolean() : null;
    }

    private void setReport(MeasuredReport r) {
        report = r;
        onReport.accept(r);
    }

    /** The report shown, or null while measuring / for none. */
    public MeasuredReport report() {
        return report;
    }

    public MeasuredPanel panel() {
        return panel;
    }

    /** The tab's content: the panel in a scroll pane. */
    public ScrollPane node() {
        return node;
    }
}
