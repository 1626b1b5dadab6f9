package adreview.ui;

import javafx.scene.control.Label;

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
        badge.setText(status);
        badge.getStyleClass().add("status-" + status.replaceAll("[^a-z_]", ""));
    }

    /** A reviewer decision badge: "Accept" (green), "Needs fix" (amber), "Reject" (red); hidden for none. */
    public static void updateDecision(Label badge, String decision) {
        badge.getStyleClass().removeIf(c -> c.startsWith("decision-") || c.startsWith("status-"));
        if (decision == null || decision.isBlank()) {
            badge.setText("");
            badge.setVisible(false);
            return;
        }
        badge.setVisible(true);
        badge.setText(decision);
        badge.getStyleClass().add("decision-" + decision.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", ""));
    }
}
