package adreview.ui.prefs;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Column widths and visibility survive a restart: stored in the preferences file, read back by a new table. */
@ExtendWith(ApplicationExtension.class)
class ColumnLayoutTest {

    @TempDir
    Path dir;

    @Test
    void aWidenedAndAHiddenColumnAreAsTheReviewerLeftThemAfterARestart(FxRobot robot) throws Exception {
        Path file = dir.resolve("ui.properties");
        UiPreferences first = UiPreferences.file(file);
        TableView<String> table = table();
        ColumnLayout.remember(table, first, "t");
        Stage stage = show(robot, table);
        robot.interact(() -> {
            table.resizeColumn(table.getColumns().get(0), 70); // 100 -> 170, as a drag on the header would
            table.getColumns().get(1).setVisible(false);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getColumns().get(0).getWidth()).isEqualTo(170);
        robot.interact(stage::close);

        UiPreferences reopened = UiPreferences.file(file); // a new start reads the file
        TableView<String> again = table();
        ColumnLayout.remember(again, reopened, "t");
        Stage second = show(robot, again);
        assertThat(again.getColumns().get(0).getWidth()).isEqualTo(170);
        assertThat(again.getColumns().get(1).isVisible()).isFalse();
        assertThat(again.getColumns().get(2).getWidth()).isEqualTo(100);
        assertThat(again.getColumns().get(2).isVisible()).isTrue();
        robot.interact(second::close);
    }

    private static TableView<String> table() {
        TableView<String> table = new TableView<>(FXCollections.observableArrayList("a", "b"));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        for (String id : List.of("one", "two", "three")) {
            TableColumn<String, String> c = new TableColumn<>(id);
            c.setId(id);
            c.setPrefWidth(100);
            c.setCellValueFactory(v -> new ReadOnlyStringWrapper(v.getValue()));
            table.getColumns().add(c);
        }
        return table;
    }

    private static Stage show(FxRobot robot, TableView<String> table) {
        Stage[] stage = new Stage[1];
        robot.interact(() -> {
            stage[0] = new Stage();
            stage[0].setScene(new Scene(table, 600, 300));
            stage[0].show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return stage[0];
    }
}
