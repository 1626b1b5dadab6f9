package adreview.ui;

import static org.assertj.core.api.Assertions.assertThat;

import adreview.app.DeskConfig;
import adreview.app.DeskServices;
import adreview.ui.concurrent.TestUiThread;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Startup of the window's state, without JavaFX. */
class MainViewModelTest {

    @Test
    void anUnreachableDatabaseGivesAReadableMessageAndTheConfiguration(@TempDir Path dir) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort(); // free once closed: nothing listens there
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/pipeline";
        DeskConfig config = DeskConfig.resolve(Map.of("ADREVIEW_DB_URL", url), new Properties(),
                dir.resolve("desk.properties"), Map.of(), dir.resolve("data"));

        try (TestUiThread ui = new TestUiThread();
             MainViewModel model = new MainViewModel(new DeskServices(() -> config, false), ui.executor())) {
            model.start();
            assertThat(model.phaseProperty().get()).isEqualTo(MainViewModel.Phase.STARTING);
            ui.drain();

            assertThat(model.phaseProperty().get()).isEqualTo(MainViewModel.Phase.FAILED);
            assertThat(model.failureProperty().get())
                    .contains(String.valueOf(closedPort))
                    .contains("ADREVIEW_DB_URL")
                    .doesNotContain("Exception")
                    .doesNotContain("\n");
            assertThat(model.settings())
                    .anySatisfy(e -> {
                        assertThat(e.name()).isEqualTo("Database URL");
                        assertThat(e.value()).isEqualTo(url);
                        assertThat(e.source()).isEqualTo("environment (ADREVIEW_DB_URL)");
                    });
        }
    }
}
