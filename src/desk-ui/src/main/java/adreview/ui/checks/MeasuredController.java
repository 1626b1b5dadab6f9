package adreview.ui.checks;

import adreview.checks.MeasuredReport;
import adreview.desk.DeskService;
import adreview.desk.ListedVariant;
import adreview.desk.Problems;
import adreview.ui.concurrent.LatestWins;
import adreview.ui.concurrent.TaskExecutor;
import adreview.ui.i18n.Messages;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.scene.control.ScrollPane;

/**
 * The "Measured" tab's logic: when a variant is shown it is measured off the FX thread (images, render, layout),
 * compared with its latest Stage 2 answer, and the report shown; a result for a variant the reviewer has left is
 * dropped. The report also goes to the image pane's boxes layer.
 */
public final class MeasuredController {

    private final TaskExecutor executor;
    private final Consumer<MeasuredReport> onReport;
    private final MeasuredPanel panel = new MeasuredPanel();
    private final ScrollPane node = new ScrollPane(panel);
    private final LatestWins measurements = new LatestWins();
    private DeskService service;
    private ListedVariant shown;
    private MeasuredReport report;

    /** @param onReport receives each report shown (null while measuring or when there is none), on the FX thread */
    public MeasuredController(TaskExecutor executor, Consumer<MeasuredReport> onReport) {
        this.executor = executor;
        this.onReport = onReport;
        node.setFitToWidth(true);
        node.setId("measuredScroll");
        panel.setId("measuredPanel");
        panel.showNothing(Messages.get("measured.notOpen"));
    }

    /** Connects to the desk and measures the variant already shown. */
    public void connect(DeskService service) {
        this.service = service;
        show(shown);
    }

    /**
     * Measures {@code variant} (null clears); call on the FX thread when the shown variant changes. The same variant
     * again (a newer list row) keeps its measurement: {@link #refresh()} measures again after a run.
     */
    public void show(ListedVariant variant) {
        if (variant != null && shown != null && report() != null && service != null
                && variant.row().variantId().equals(shown.row().variantId())) {
            shown = variant;
            return;
        }
        shown = variant;
        setReport(null);
        DeskService s = service;
        if (variant == null || s == null) {
            measurements.cancel();
            panel.showNothing(s == null ? Messages.get("measured.notOpen") : Messages.get("measured.select"));
            return;
        }
        UUID id = variant.row().variantId();
        panel.showNothing(Messages.get("measured.measuring", variant.row().variantId().toString().substring(0, 8)));
        measurements.submit(executor.io("measure " + id, control -> s.measure(id))
                .onSuccess(result -> {
                    panel.show(result.report(), result.disagreements());
                    setReport(result.report());
                })
                .onFailure(error -> panel.showNothing(Messages.get("measured.failed", id, Problems.describe(error)))));
    }

    /** Measures the shown variant again (after a run or a refresh). */
    public void refresh() {
        show(shown);
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
