package adreview.ui.prefs;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Remembers a table's column widths and which columns are shown, under {@code <prefix>.<column id>.width} and
 * {@code .visible}: a reviewer who widened the tenant column finds it wide at the next start. Columns without an id
 * are left alone.
 */
public final class ColumnLayout {

    private ColumnLayout() {
    }

    /** Restores the stored widths and visibility of {@code table}'s columns, then stores every later change. */
    public static void remember(TableView<?> table, UiPreferences preferences, String prefix) {
        for (TableColumn<?, ?> column : table.getColumns()) {
            String id = column.getId();
            if (id == null) {
                continue;
            }
            String key = prefix + "." + id;
            double width = preferences.getDouble(key + ".width", -1);
            if (width > 0) {
                column.setPrefWidth(Math.max(width, column.getMinWidth()));
            }
            preferences.get(key + ".visible").ifPresent(v -> column.setVisible(Boolean.parseBoolean(v)));
            // Whole pixels: a drag changes the width on every mouse move, the file only when a pixel does.
            column.widthProperty().addListener((obs, old, w) -> {
                if (column.getTableView() != null && column.getTableView().getSkin() != null && w.doubleValue() > 0) {
                    preferences.putDouble(key + ".width", Math.round(w.doubleValue()));
                }
            });
            column.visibleProperty().addListener((obs, old, on) -> preferences.put(key + ".visible", Boolean.toString(on)));
        }
    }
}
