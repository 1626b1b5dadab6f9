package adreview.ui.review;

import adreview.ui.i18n.Messages;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Stage 1's result: the relevance score as a gauge, valid / image-quality badges, analysis, issues and
 * recommendations, and the font advice as a live preview over the variant image. Binds to a
 * {@link Stage1ResultViewModel}; lays out controls and nothing else. Below 700 px the preview moves
 * under the lists.
 */
public final class Stage1ResultView extends StackPane {

    private final FontPreview preview = new FontPreview();
    private final GridPane columns = new GridPane();
    private final VBox left;
    private final VBox right;

    public Stage1ResultView(Stage1ResultViewModel vm) {
        getStyleClass().addAll("rv-result", "rv-stage1");
        setId("stage1Result");

        Label source = new Label();
        source.textProperty().bind(vm.sourceProperty());

        Label score = new Label();
        score.setId("relevanceScore");
        score.getStyleClass().add("rv-score-number");
        score.textProperty().bind(vm.scoreTextProperty());
        Label level = new Label();
        level.getStyleClass().add("rv-score-level");
        ScoreBar bar = new ScoreBar();
        bar.setId("relevanceBar");
        bar.valueProperty().bind(vm.scoreProperty());
        HBox.setHgrow(bar, Priority.ALWAYS);
        bar.setMaxWidth(Double.MAX_VALUE);
        vm.scoreLevelProperty().addListener((o, a, b) -> styleLevel(level, bar, score, b));
        styleLevel(level, bar, score, vm.scoreLevelProperty().get());

        Label relevanceTitle = new Label(Messages.get("stage1.relevance"));
        relevanceTitle.getStyleClass().add("rv-score-title");
        VBox gaugeBox = new VBox(6, relevanceTitle, bar, level);
        HBox.setHgrow(gaugeBox, Priority.ALWAYS);
        HBox scoreRow = new HBox(18, score, gaugeBox);
        scoreRow.setAlignment(Pos.CENTER_LEFT);

        Label valid = ResultParts.badge(true, "", "");
        valid.setId("validBadge");
        Label quality = ResultParts.badge(true, "", "");
        quality.setId("imageQualityBadge");
        Runnable badges = () -> {
            ResultParts.setBadge(valid, vm.validProperty().get(), Messages.get("stage1.valid"),
                    Messages.get("stage1.notValid"));
            ResultParts.setBadge(quality, vm.imageQualityOkProperty().get(), Messages.get("stage1.quality.ok"),
                    Messages.get("stage1.quality.poor"));
        };
        vm.validProperty().addListener((o, a, b) -> badges.run());
        vm.imageQualityOkProperty().addListener((o, a, b) -> badges.run());
        badges.run();
        HBox badgeRow = new HBox(8, valid, quality);

        VBox scoreCard = new VBox(12, scoreRow, badgeRow);
        scoreCard.getStyleClass().add("rv-card");

        Label analysis = new Label();
        analysis.setId("stage1Analysis");
        analysis.setWrapText(true);
        analysis.getStyleClass().add("rv-analysis");
        analysis.textProperty().bind(vm.analysisProperty());
        analysis.setMinHeight(Label.USE_PREF_SIZE);

        VBox issues = ResultParts.bulletList(vm.issues(), "issue", Messages.get("result.noIssues"), "stage1Issues");
        VBox recs = ResultParts.bulletList(vm.recommendations(), "recommendation", Messages.get("stage1.noRecommendations"),
                "stage1Recommendations");

        left = new VBox(10,
                scoreCard,
                ResultParts.sectionTitle(Messages.get("result.analysis")), analysis,
                ResultParts.sectionTitle(Messages.get("result.issues")), issues,
                ResultParts.sectionTitle(Messages.get("stage1.recommendations")), recs);
        left.setFillWidth(true);
        // A small preferred width lets long answers wrap in the column instead of widening it over the preview.
        left.setPrefWidth(200);
        left.setMinWidth(260);
        // Whatever a model writes (bidirectional runs, endless tokens) stays in its column, never over the preview.
        analysis.setMinWidth(0);
        analysis.maxWidthProperty().bind(left.widthProperty());
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(left.widthProperty());
        clip.heightProperty().bind(left.heightProperty());
        left.setClip(clip);

        preview.setId("fontPreview");
        preview.specProperty().bind(vm.fontProperty());
        preview.copyProperty().bind(vm.previewCopyProperty());
        preview.imageUriProperty().bind(vm.imageUriProperty());
        right = new VBox(8, ResultParts.sectionTitle(Messages.get("stage1.font")), preview);

        columns.setHgap(24);
        columns.setVgap(16);
        columns.getStyleClass().add("rv-columns");
        widthProperty().addListener((o, a, w) -> arrange(w.doubleValue()));
        arrange(900);

        VBox content = new VBox(14, ResultParts.header(Messages.get("stage.stage1"), Messages.get("stage1.subtitle"), source), columns);
        content.getStyleClass().add("rv-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("rv-scroll");
        scroll.visibleProperty().bind(vm.presentProperty());

        Label empty = ResultParts.emptyState(vm.emptyMessageProperty());
        empty.visibleProperty().bind(vm.presentProperty().not());
        getChildren().addAll(scroll, empty);
    }

    private void arrange(double width) {
        boolean wide = width <= 0 || width >= 700;
        columns.getChildren().clear();
        columns.getColumnConstraints().clear();
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        grow.setMinWidth(260);
        if (wide) {
            ColumnConstraints fixed = new ColumnConstraints();
            fixed.setHalignment(HPos.LEFT);
            columns.getColumnConstraints().addAll(grow, fixed);
            columns.add(left, 0, 0);
            columns.add(right, 1, 0);
        } else {
            columns.getColumnConstraints().add(grow);
            columns.add(left, 0, 0);
            columns.add(right, 0, 1);
        }
    }

    private static void styleLevel(Label level, ScoreBar bar, Label score, Stage1ResultViewModel.ScoreLevel l) {
        level.setText(Messages.get("stage1.levelRange." + l.name().toLowerCase(java.util.Locale.ROOT), l.label()));
        for (var node : new javafx.scene.Node[]{level, bar, score}) {
            node.getStyleClass().removeAll("rv-score-good", "rv-score-fair", "rv-score-poor");
            node.getStyleClass().add("rv-score-" + l.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** True once the preview image has loaded (or failed): for screenshots. */
    public boolean isSettled() {
        return preview.isImageSettled();
    }
}
