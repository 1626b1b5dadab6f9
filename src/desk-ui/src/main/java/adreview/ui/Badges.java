package adreview.ui;

import adreview.review.decision.Verdict;
import adreview.ui.i18n.Messages;
import adreview.ui.list.VariantListViewModel;
import javafx.scene.control.Label;

import java.util.Locale;

/** Coloured status badges ("done", "failed", …); colours are in desk.css under {@code .badge.status-*}. */
public final class Badges {

    private Badges() {
    }

    public static Label status(String status) {
        Label badge = new Label();
        badge.getStyleClass().add("badge");
        update(badge, status);
        return badge;
    }

    public static void update(Label badge, String status) {
        badge.getStyleClass().removeIf(c -> c.startsWith("status-"));
        if (status == null || status.isBlank()) {
            badge.setText("");
            badge.setVisible(false);
            return;
        }
        badge.setVisible(true);
        badge.setText(statusText(status));
        badge.getStyleClass().add("status-" + status.replaceAll("[^a-z_]", ""));
    }

    /**
     * A variant's status (variants.status) in the desk's language: the known ones ("done", "failed", …) have their
     * words in the bundles; any other value is shown as the database has it.
     */
    public static String statusText(String status) {
        return status != null && VariantListViewModel.KNOWN_STATUSES.contains(status)
                ? Messages.get("status." + status) : status;
    }

    /** A reviewer decision badge: "Accept" (green), "Needs fix" (amber), "Reject" (red); hidden for none. */
    public static void updateDecision(Label badge, Verdict decision) {
        badge.getStyleClass().removeIf(c -> c.startsWith("decision-") || c.startsWith("status-"));
        if (decision == null) {
            badge.setText("");
            badge.setVisible(false);
            return;
        }
        badge.setVisible(true);
        badge.setText(Formats.verdict(decision));
        // The style class follows the verdict, not its words: decision-accept, decision-needsfix, decision-reject.
        badge.getStyleClass().add("decision-" + decision.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
    }
}
