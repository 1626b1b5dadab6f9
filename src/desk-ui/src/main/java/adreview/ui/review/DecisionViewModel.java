package adreview.ui.review;

import adreview.review.decision.Verdict;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Accept / Needs fix / Reject on the current variant. The decision is written on the background executor;
 * the selection moves to the next variant at once (keyboard review should not wait for the database), and a
 * failed write is reported in {@link #statusProperty()} naming the variant, so nothing is lost silently.
 */
public final class DecisionViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionViewModel.class);

    private final DecisionRecorder recorder;
    private final VariantNavigator navigator;
    private final Executor background;
    private final Executor uiThread;

    private final StringProperty reviewer = new SimpleStringProperty(System.getProperty("user.name", ""));
    private final StringProperty comment = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("A accept · F needs fix · R reject");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper pending = new ReadOnlyIntegerWrapper();
    private final List<Consumer<DecisionRecorder.Decision>> listeners = new CopyOnWriteArrayList<>();

    public DecisionViewModel(DecisionRecorder recorder, VariantNavigator navigator, Executor background, Executor uiThread) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.navigator = Objects.requireNonNull(navigator, "navigator");
        this.background = Objects.requireNonNull(background, "background");
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
    }

    /** Records the verdict for the current variant and advances; false (with a status line) when no variant is shown. */
    public boolean decide(Verdict verdict) {
        VariantRef variant = navigator.current();
        if (variant == null) {
            error.set(true);
            status.set("Select a variant first, then press A, F or R.");
            return false;
        }
        String c = blankToNull(comment.get());
        String who = blankToNull(reviewer.get());
        comment.set("");
        pending.set(pending.get() + 1);
        error.set(false);
        status.set(verdict.title() + ": " + variant.label() + (c == null ? "" : " — “" + c + "”") + " (saving…)");
        background.execute(() -> {
            try {
                DecisionRecorder.Decision d = recorder.record(variant.id(), verdict, c, who);
                uiThread.execute(() -> saved(d, variant));
            } catch (Exception e) {
                LOG.warn("Decision for {} not recorded", variant.id(), e);
                uiThread.execute(() -> failed(verdict, variant, RunQueueViewModel.messageOf(e)));
            }
        });
        navigator.selectNext();
        return true;
    }

    public void addDecisionListener(Consumer<DecisionRecorder.Decision> listener) {
        listeners.add(listener);
    }

    private void saved(DecisionRecorder.Decision d, VariantRef variant) {
        pending.set(pending.get() - 1);
        if (!error.get()) {
            status.set(d.verdict().title() + ": " + variant.label() + (d.comment() == null ? "" : " — “" + d.comment() + "”")
                    + (d.reviewer() == null ? "" : " by " + d.reviewer()));
        }
        for (Consumer<DecisionRecorder.Decision> l : listeners) {
            l.accept(d);
        }
    }

    private void failed(Verdict verdict, VariantRef variant, String message) {
        pending.set(pending.get() - 1);
        error.set(true);
        status.set("Not recorded: " + verdict.title() + " for " + variant.label() + ": " + message + ". Go back (K) and decide again.");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The reviewer's name, stored with every decision and re-judge (editable). */
    public StringProperty reviewerProperty() { return reviewer; }
    /** The comment for the next decision (editable; cleared once used). */
    public StringProperty commentProperty() { return comment; }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** True when the last thing the status reports is a problem. */
    public ReadOnlyBooleanProperty errorProperty() { return error.getReadOnlyProperty(); }
    /** Decisions sent to the database and not yet confirmed. */
    public ReadOnlyIntegerProperty pendingProperty() { return pending.getReadOnlyProperty(); }
}
