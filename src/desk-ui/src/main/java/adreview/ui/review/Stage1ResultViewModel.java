package adreview.ui.review;

import adreview.review.result.Stage1Result;
import adreview.ui.i18n.Messages;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Locale;

/** What {@link Stage1ResultView} shows: one Stage 1 answer for one variant, or an empty-state message. */
public final class Stage1ResultViewModel {

    /** Score bands: the bar's colour and the word beside the number. */
    public enum ScoreLevel {
        GOOD, FAIR, POOR;

        /** "Strong fit", "Partial fit", "Weak fit", in the desk's language. */
        public String label() {
            return Messages.get("stage1.level." + name().toLowerCase(Locale.ROOT));
        }

        public static ScoreLevel of(double score) {
            return score >= 0.7 ? GOOD : score >= 0.4 ? FAIR : POOR;
        }
    }

    private final ReadOnlyBooleanWrapper present = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper emptyMessage = new ReadOnlyStringWrapper(Messages.get("stage1.empty"));
    private final ReadOnlyDoubleWrapper score = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper scoreText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ScoreLevel> scoreLevel = new ReadOnlyObjectWrapper<>(ScoreLevel.POOR);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper imageQualityOk = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper analysis = new ReadOnlyStringWrapper("");
    private final ObservableList<String> issues = FXCollections.observableArrayList();
    private final ObservableList<String> issuesView = FXCollections.unmodifiableObservableList(issues);
    private final ObservableList<String> recommendations = FXCollections.observableArrayList();
    private final ObservableList<String> recommendationsView = FXCollections.unmodifiableObservableList(recommendations);
    private final ReadOnlyObjectWrapper<FontPreviewSpec> font = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper previewCopy = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper imageUri = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("");

    /**
     * Shows an answer.
     *
     * @param imageUri   the judged image as a loadable URI (for the font preview), or null
     * @param judgedCopy the ad copy the model judged (the trace's {@code request.ad_copy_text}), or null
     * @param source     where it comes from, e.g. "Run just now" or a trace label
     */
    public void show(Stage1Result answer, String imageUri, String judgedCopy, String source) {
        double s = Double.isFinite(answer.relevanceScore()) ? Math.max(0, Math.min(1, answer.relevanceScore())) : 0;
        score.set(s);
        scoreText.set(String.format(Locale.ROOT, "%.2f", s));
        scoreLevel.set(ScoreLevel.of(s));
        valid.set(answer.isValid());
        imageQualityOk.set(answer.imageQualityOk());
        analysis.set(answer.analysis());
        issues.setAll(answer.issues());
        recommendations.setAll(answer.recommendations());
        String copy = judgedCopy != null && !judgedCopy.isBlank() ? judgedCopy : Messages.get("stage1.previewCopy");
        previewCopy.set(copy);
        font.set(FontPreviewSpec.of(answer.font(), copy));
        this.imageUri.set(imageUri);
        this.source.set(source == null ? "" : source);
        present.set(true);
    }

    /** Shows no result, with a line that says why / what to do. */
    public void clear(String message) {
        present.set(false);
        emptyMessage.set(message);
        issues.clear();
        recommendations.clear();
        font.set(null);
        source.set("");
    }

    public ReadOnlyBooleanProperty presentProperty() { return present.getReadOnlyProperty(); }
    public ReadOnlyStringProperty emptyMessageProperty() { return emptyMessage.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty scoreProperty() { return score.getReadOnlyProperty(); }
    public ReadOnlyStringProperty scoreTextProperty() { return scoreText.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ScoreLevel> scoreLevelProperty() { return scoreLevel.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty imageQualityOkProperty() { return imageQualityOk.getReadOnlyProperty(); }
    public ReadOnlyStringProperty analysisProperty() { return analysis.getReadOnlyProperty(); }
    public ObservableList<String> issues() { return issuesView; }
    public ObservableList<String> recommendations() { return recommendationsView; }
    public ReadOnlyObjectProperty<FontPreviewSpec> fontProperty() { return font.getReadOnlyProperty(); }
    public ReadOnlyStringProperty previewCopyProperty() { return previewCopy.getReadOnlyProperty(); }
    public ReadOnlyStringProperty imageUriProperty() { return imageUri.getReadOnlyProperty(); }
    public ReadOnlyStringProperty sourceProperty() { return source.getReadOnlyProperty(); }
}
