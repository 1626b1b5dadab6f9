package adreview.ui;

import adreview.ui.about.AboutDialog;
import adreview.ui.about.AboutInfo;
import javafx.scene.control.Alert;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/** Dialogs owned by the main window and styled with the desk's stylesheet. */
public final class FxDialogService implements DialogService {

    private final Window owner;

    public FxDialogService(Window owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setTitle(title);
        alert.setHeaderText(title);
        prepare(alert);
        alert.showAndWait();
    }

    @Override
    public void showAbout(AboutInfo info) {
        AboutDialog dialog = new AboutDialog(info);
        prepare(dialog);
        dialog.show();
    }

    private void prepare(Dialog<?> dialog) {
        dialog.initOwner(owner);
        dialog.getDialogPane().getStylesheets().add(DeskStyles.url());
    }
}
