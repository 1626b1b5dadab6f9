package adreview.ui.review;

import adreview.ui.i18n.Messages;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Stage 2's result: on-brief, occlusion, contrast and call to action as a pass/fail checklist, with the
 * analysis, the issues and a thumbnail of the judged render. Binds to a {@link Stage2ResultViewModel}.
 */
public final class Stage2ResultView extends StackPane {

    private static final double THUMB_WIDTH = 260;
    /** Below this width the finished ad goes under the checks instead of beside them. */
    static final double SIDE_BY_SIDE_WIDTH = 620;

    private final ImageView render = new ImageView();
    private boolean loading;

    public Stage2ResultView(Stage2ResultViewModel vm) {
        getStyleClass().addAll("rv-result", "rv-stage2");
        setId("stage2Result");

        Label source = new Label();
        source.textProperty().bind(vm.sourceProperty());

        Label summary = new Label();
        summary.setId("stage2Summary");
        summary.getStyleClass().add("rv-summary-chip");
        summary.textProperty().bind(vm.summaryProperty());
        Runnable chip = () -> {
            summary.getStyleClass().removeAll("rv-badge-pass", "rv-badge-fail");
            summary.getStyleClass().add(vm.allPassProperty().get() ? "rv-badge-pass" : "rv-badge-fail");
            summary.setGraphic(ReviewIcons.mark(vm.allPassProperty().get(), 14));
        };
        vm.allPassProperty().addListener((o, a, b) -> chip.run());
        chip.run();

        VBox checklist = new VBox();
        checklist.setId("stage2Checklist");
        checklist.getStyleClass().addAll("rv-card", "rv-checklist");
        Runnable fill = () -> {
            checklist.getChildren().clear();
            for (Stage2ResultViewModel.CheckRow row : vm.checks()) {
                Label name = new Label(row.label());
                name.getStyleClass().add("rv-check-label");
                name.setWrapText(true); // a narrow side wraps the criterion rather than cutting it
                Label detail = new Label(row.detail());
                detail.getStyleClass().add("rv-check-detail");
                detail.setWrapText(true);
                VBox text = new VBox(1, name, detail);
                HBox.setHgrow(text, Priority.ALWAYS);
                Label verdict = new Label(Messages.get(row.pass() ? "result.pass" : "result.fail"));
                verdict.getStyleClass().addAll("rv-check-verdict", row.pass() ? "rv-badge-pass" : "rv-badge-fail");
                verdict.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                HBox line = new HBox(12, ReviewIcons.mark(row.pass(), 22), text, verdict);
                line.setAlignment(Pos.CENTER_LEFT);
                line.getStyleClass().addAll("rv-check-row", row.pass() ? "rv-check-pass" : "rv-check-fail");
                checklist.getChildren().add(line);
            }
        };
        vm.checks().addListener((ListChangeListener<Stage2ResultViewModel.CheckRow>) c -> fill.run());
        fill.run();

        Label analysis = new Label();
        analysis.setId("stage2Analysis");
        analysis.setWrapText(true);
        analysis.getStyleClass().add("rv-analysis");
        analysis.textProperty().bind(vm.analysisProperty());
        analysis.setMinHeight(Label.USE_PREF_SIZE);
        VBox issues = ResultParts.bulletList(vm.issues(), "issue", Messages.get("result.noIssues"), "stage2Issues");

        VBox left = new VBox(10, checklist, ResultParts.sectionTitle(Messages.get("result.analysis")), analysis,
                ResultParts.sectionTitle(Messages.get("result.issues")), issues);
        HBox.setHgrow(left, Priority.ALWAYS);
        left.setPrefWidth(200); // wrap long answers instead of pushing the thumbnail out
        left.setMinWidth(260);

        render.setPreserveRatio(true);
        render.setFitWidth(THUMB_WIDTH);
        render.setSmooth(true);
        StackPane frame = new StackPane(render);
        frame.getStyleClass().add("rv-render-frame");
        Label renderCaption = new Label(Messages.get("stage2.judgedRender"));
        renderCaption.getStyleClass().add("rv-muted");
        VBox right = new VBox(8, ResultParts.sectionTitle(Messages.get("stage2.finishedAd")), frame, renderCaption);
        right.managedProperty().bind(right.visibleProperty());
        right.setVisible(false);
        vm.renderUriProperty().addListener((o, a, uri) -> loadRender(uri, right));
        loadRender(vm.renderUriProperty().get(), right);

        StackPane body = new StackPane();
        HBox titleRow = new HBox(12, summary);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(14, ResultParts.header(Messages.get("stage.stage2"), Messages.get("stage2.subtitle"), source), titleRow, body);
        // The finished ad beside the checks where there is room, under them in a narrow side panel (1280 px).
        HBox wide = new HBox(24);
        VBox narrow = new VBox(14);
        javafx.beans.InvalidationListener arrange = o -> {
            javafx.scene.layout.Pane target = content.getWidth() >= SIDE_BY_SIDE_WIDTH ? wide : narrow;
            if (body.getChildren().isEmpty() || body.getChildren().get(0) != target) {
                wide.getChildren().clear();
                narrow.getChildren().clear();
                target.getChildren().setAll(left, right);
                body.getChildren().setAll(target);
            }
        };
        content.widthProperty().addListener(arrange);
        arrange.invalidated(null);
        content.getStyleClass().add("rv-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("rv-scroll");
        scroll.visibleProperty().bind(vm.presentProperty());

        Label empty = ResultParts.emptyState(vm.emptyMessageProperty());
        empty.visibleProperty().bind(vm.presentProperty().not());
        getChildren().addAll(scroll, empty);
    }

    private void loadRender(String uri, VBox box) {
        render.setImage(null);
        box.setVisible(false);
        if (uri == null) {
            loading = false;
            return;
        }
        // JavaFX decodes this one; the header is checked first so that a header bomb never reaches it.
        if (!adreview.ui.image.ImageDecoder.withinDefaultLimits(uri)) {
            loading = false;
            return;
        }
        loading = true;
        Image img = new Image(uri, THUMB_WIDTH * 2, 0, true, true, true);
        Runnable done = () -> {
            loading = false;
            if (!img.isError()) {
                render.setImage(img);
                box.setVisible(true);
            }
        };
        if (img.getProgress() >= 1) {
            done.run();
        } else {
            img.progressProperty().addListener((o, a, p) -> {
                if (p.doubleValue() >= 1) {
                    done.run();
                }
            });
            img.errorProperty().addListener((o, a, e) -> {
                if (e) {
                    done.run();
                }
            });
        }
    }

    /** True once the render thumbnail has loaded (or failed): for screenshots. */
    public boolean isSettled() {
        return !loading;
    }
}
