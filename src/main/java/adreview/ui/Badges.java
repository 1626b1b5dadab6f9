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
}
