package adreview.ui.review;

import adreview.desk.DeskService;
import adreview.desk.ListedVariant;
import adreview.desk.Problems;
import adreview.review.decision.ReviewerDecision;
import adreview.review.decision.Verdict;
import adreview.ui.Formats;
import adreview.ui.concurrent.TaskExecutor;
import adreview.ui.i18n.Messages;
import adreview.ui.prefs.UiPreferences;
import adreview.ui.state.VariantNavigator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Accept / Needs fix / Reject on the shown variant, or on every selected variant at once (a bulk decision), and
 * Ctrl+Z to take the newest decision of this session back (a retraction row: the table stays append-only). The
 * decision is written on the I/O lane; the selection moves on at once (keyboard review should not wait for the
 * database), and a failed write is reported in {@link #statusProperty()} naming the variant, so nothing is lost
 * silently. The reviewer's name is asked once and remembered, never taken from the operating-system account.
 */
public final class DecisionViewModel {

    static final String REVIEWER_KEY = "reviewer.name";

    private final TaskExecutor executor;
    private final VariantNavigator navigator;
    private final UiPreferences preferences;
    private final Supplier<Optional<String>> askReviewer;

    private final StringProperty reviewer = new SimpleStringProperty("");
    private final StringProperty comment = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(Messages.get("decision.hint"));
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper pending = new ReadOnlyIntegerWrapper();
    private final List<Consumer<List<ReviewerDecision>>> listeners = new CopyOnWriteArrayList<>();
    /** Decisions of this session, newest last: what Ctrl+Z takes back. */
    private final Deque<List<ReviewerDecision>> undoable = new ArrayDeque<>();
    private DeskService service;

    /**
     * @param askReviewer asks the reviewer for their name (a dialog); empty when they cancel
     */
    public DecisionViewModel(TaskExecutor executor, VariantNavigator navigator, UiPreferences preferences,
                             Supplier<Optional<String>> askReviewer) {
        this.executor = executor;
        this.navigator = navigator;
        this.preferences = preferences;
        this.askReviewer = askReviewer;
        reviewer.set(preferences.get(REVIEWER_KEY).orElse(""));
        reviewer.addListener((obs, old, name) -> preferences.put(REVIEWER_KEY, name == null ? null : name.strip()));
    }

    public void connect(DeskService service) {
        this.service = service;
    }

    /**
     * Records the verdict for the selected variants (the shown one, or all selected) and moves past them; false
     * (with a status line) when nothing is selected, no reviewer name is given or the desk is not connected.
     */
    public boolean decide(Verdict verdict) {
        List<ListedVariant> targets = navigator.selection();
        if (targets.isEmpty() && navigator.current() != null) {
            targets = List.of(navigator.current());
        }
        if (targets.isEmpty()) {
            showError(Messages.get("decision.selectFirst"));
            return false;
        }
        String who = reviewerName().orElse(null);
        if (who == null) {
            showError(Messages.get("decision.needName"));
            return false;
        }
        DeskService s = service;
        if (s == null) {
            showError(Messages.get("run.notConnected"));
            return false;
        }
        String c = blankToNull(comment.get());
        comment.set("");
        List<ListedVariant> decided = List.copyOf(targets);
        pending.set(pending.get() + 1);
        error.set(false);
        status.set(Messages.get("decision.saving", Formats.verdict(verdict), describe(decided), c == null ? "" : " — “" + c + "”"));
        executor.io("decide " + verdict + " on " + decided.size(), control -> {
                    List<ReviewerDecision> saved = new ArrayList<>();
                    for (ListedVariant v : decided) {
                        saved.add(s.decide(v.row().variantId(), verdict, c, who, null));
                    }
                    return saved;
                })
                .onSuccess(saved -> {
                    pending.set(pending.get() - 1);
                    undoable.push(saved);
                    if (!error.get()) {
                        status.set(Messages.get("decision.saved", Formats.verdict(verdict), describe(decided),
                                c == null ? "" : " — “" + c + "”", who));
                    }
                    listeners.forEach(l -> l.accept(saved));
                })
                .onFailure(e -> {
                    pending.set(pending.get() - 1);
                    showError(Messages.get("decision.notSaved", Formats.verdict(verdict), describe(decided), Problems.describe(e)));
                })
                .execute();
        if (decided.size() > 1) {
            navigator.selectAfter(decided);
        } else {
            navigator.selectNext();
        }
        return true;
    }

    /** Takes back the newest decision (or bulk decision) of this session; false when there is none. */
    public boolean undo() {
        List<ReviewerDecision> last = undoable.peek();
        DeskService s = service;
        if (last == null || s == null) {
            showError(Messages.get("decision.nothingToUndo"));
            return false;
        }
        String who = reviewerName().orElse(null);
        if (who == null) {
            showError(Messages.get("decision.needName"));
            return false;
        }
        undoable.pop();
        pending.set(pending.get() + 1);
        executor.io("retract " + last.size(), control -> {
                    List<ReviewerDecision> retractions = new ArrayList<>();
                    for (ReviewerDecision d : last) {
                        retractions.add(s.retract(d.decisionId(), who));
                    }
                    return retractions;
                })
                .onSuccess(retractions -> {
                    pending.set(pending.get() - 1);
                    error.set(false);
                    status.set(Messages.get("decision.undone", Formats.verdict(last.get(0).verdict()), last.size()));
                    listeners.forEach(l -> l.accept(retractions));
                })
                .onFailure(e -> {
                    pending.set(pending.get() - 1);
                    undoable.push(last);
                    showError(Messages.get("decision.undoFailed", Problems.describe(e)));
                })
                .execute();
        return true;
    }

    /** Told the decisions (or retractions) stored, on the UI thread: the list and the history refresh. */
    public void addDecisionListener(Consumer<List<ReviewerDecision>> listener) {
        listeners.add(listener);
    }

    /** The reviewer's name, asked for (and remembered) the first time it is needed. */
    private Optional<String> reviewerName() {
        String name = blankToNull(reviewer.get());
        if (name == null) {
            name = askReviewer.get().map(DecisionViewModel::blankToNull).orElse(null);
            if (name != null) {
                reviewer.set(name);
            }
        }
        return Optional.ofNullable(name);
    }

    private void showError(String text) {
        error.set(true);
        status.set(text);
    }

    private static String describe(List<ListedVariant> variants) {
        if (variants.size() == 1) {
            var r = variants.get(0).row();
            return (r.tenantId() == null ? "" : r.tenantId() + " · ") + Formats.shortId(r.variantId());
        }
        return Messages.get("decision.variants", variants.size());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The reviewer's name, stored with every decision and re-judge (editable, remembered). */
    public StringProperty reviewerProperty() { return reviewer; }
    /** The comment for the next decision (editable; cleared once used). */
    public StringProperty commentProperty() { return comment; }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** True when the last thing the status reports is a problem. */
    public ReadOnlyBooleanProperty errorProperty() { return error.getReadOnlyProperty(); }
    /** Decisions sent to the database and not yet confirmed. */
    public ReadOnlyIntegerProperty pendingProperty() { return pending.getReadOnlyProperty(); }
}
