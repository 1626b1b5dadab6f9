package adreview.ui.review;

import adreview.ui.i18n.Messages;
import adreview.ui.keys.KeyBinding;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Accept / Needs fix / Reject with comment and reviewer name; the keys A, F, R do the same from anywhere. */
public final class DecisionBar extends VBox {

    private final TextField comment = new TextField();

    public DecisionBar(ReviewViewModel vm) {
        getStyleClass().add("rv-decision-bar");
        setId("decisionBar");
        Button accept = verdictButton(Messages.get("verdict.accept"), "A", "acceptButton", "rv-accept", vm, KeyBinding.ACCEPT);
        Button fix = verdictButton(Messages.get("verdict.fix"), "F", "needsFixButton", "rv-fix", vm, KeyBinding.NEEDS_FIX);
        Button reject = verdictButton(Messages.get("verdict.reject"), "R", "rejectButton", "rv-reject", vm, KeyBinding.REJECT);

        comment.setId("decisionComment");
        comment.setPromptText(Messages.get("decision.comment.prompt"));
        comment.textProperty().bindBidirectional(vm.decisions().commentProperty());
        comment.setOnAction(e -> vm.perform(KeyBinding.COMMENT)); // Enter: back to the list, then A / F / R
        HBox.setHgrow(comment, Priority.ALWAYS);
        TextField reviewer = new TextField();
        reviewer.setId("reviewerName");
        reviewer.setPromptText(Messages.get("decision.reviewer.prompt"));
        reviewer.setPrefColumnCount(9);
        reviewer.setTooltip(new Tooltip(Messages.get("decision.reviewer.tip")));
        reviewer.textProperty().bindBidirectional(vm.decisions().reviewerProperty());

        // Two rows: at 1280 px the side panel is too narrow for three labelled buttons and two fields on one.
        HBox row = new HBox(8, accept, fix, reject);
        row.setAlignment(Pos.CENTER_LEFT);
        reviewer.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox fields = new HBox(8, comment, reviewer);
        fields.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("decisionStatus");
        status.getStyleClass().add("rv-decision-status");
        status.textProperty().bind(vm.decisions().statusProperty());
        vm.decisions().errorProperty().addListener((o, a, err) -> {
            status.getStyleClass().remove("rv-error");
            if (err) {
                status.getStyleClass().add("rv-error");
            }
        });
        Label hint = new Label(Messages.get("decision.advanceHint"));
        hint.getStyleClass().add("rv-muted");
        status.setWrapText(true);
        hint.setWrapText(true);
        adreview.ui.EndsRow statusRow = new adreview.ui.EndsRow(status, hint, 8);
        setSpacing(6);
        getChildren().addAll(row, fields, statusRow);
    }

    private static Button verdictButton(String text, String key, String id, String style, ReviewViewModel vm, KeyBinding a) {
        Label keyCap = new Label(key);
        keyCap.getStyleClass().add("rv-kbd");
        Button b = new Button(text, keyCap);
        b.setContentDisplay(ContentDisplay.RIGHT);
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        b.setId(id);
        b.getStyleClass().addAll("rv-verdict", style);
        b.setFocusTraversable(false);
        b.setOnAction(e -> vm.perform(a));
        return b;
    }

    /** Puts the cursor in the comment field (key C). */
    public void focusComment() {
        comment.requestFocus();
    }

    public boolean isCommentFocused() {
        return comment.isFocused();
    }
}
