package adreview.ui.models;

import adreview.models.Fixtures;
import adreview.models.ModelCatalog;
import adreview.models.ModelFolderInfo;
import adreview.models.download.FakeHub;
import adreview.models.download.HubClient;
import adreview.models.download.ModelDownloader;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Models view, headless (TestFX + Monocle), downloading the tiny fixture from a throttled local hub:
 * progress shows mid-download (screenshot in target/screenshots/models-download.png), Cancel keeps the
 * partial file, Resume continues it with a Range request, and "Use this model" reaches the hook.
 */
class ModelsViewTest extends FxRobot {

    static final String SHARD1 = "model-00001-of-00002.safetensors";

    @TempDir
    Path tmp;
    FakeHub hub;
    ExecutorService io;
    ModelsView view;
    final AtomicReference<ModelFolderInfo> used = new AtomicReference<>();

    @BeforeEach
    void showView() throws Exception {
        hub = new FakeHub(Fixtures.tinyModel());
        Path models = tmp.resolve("models");
        Path local = Fixtures.copyOfTinyModel(models.resolve("llava-tiny-local"));
        Path damaged = Fixtures.copyOfTinyModel(models.resolve("llava-tiny-damaged"));
        try (RandomAccessFile f = new RandomAccessFile(damaged.resolve(SHARD1).toFile(), "rw")) {
            f.setLength(f.length() - 4096);
        }
        Files.delete(damaged.resolve("tokenizer.json"));
        io = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "models-io-test");
            t.setDaemon(true);
            return t;
        });
        ModelsViewModel vm = new ModelsViewModel(new adreview.desk.ModelLibrary(new ModelCatalog(models),
                new ModelDownloader(new HubClient(hub.base(), null))), io, Platform::runLater);
        vm.inUseProperty().set(local);
        vm.setOnUse(used::set);
        System.setProperty("headless.geometry", "1440x900-32");
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage((Stage stage) -> {
            view = new ModelsView(vm);
            stage.setScene(new Scene(view, 1180, 620));
            stage.setTitle("Models");
            stage.show();
        });
        waitUntil(() -> vm.folders().size() == 2);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        io.shutdownNow();
        io.awaitTermination(5, TimeUnit.SECONDS);
        hub.close();
    }

    @Test
    void downloadsThroughTheViewWithProgressCancelResumeAndUse() throws Exception {
        ModelsViewModel vm = view.model();
        TableView<?> table = lookup("#models-table").queryAs(TableView.class);
        assertThat(vm.folders()).extracting(ModelFolderInfo::name).containsExactly("llava-tiny-damaged", "llava-tiny-local");
        assertThat(vm.folders().get(0).complete()).isFalse();
        assertThat(vm.folders().get(1).inUse()).isTrue();

        @SuppressWarnings("unchecked")
        ComboBox<String> repo = lookup("#models-repo").queryAs(ComboBox.class);
        assertThat(repo.getItems()).containsExactly("llava-hf/llava-1.5-7b-hf", "llava-hf/llava-1.5-13b-hf");
        interact(() -> repo.getEditor().setText(FakeHub.REPO));
        // Throttled so that speed and time left are real figures; the first shard then stops at 4 MB
        // (about a third of the 12.5 MB) until released, so the picture and the cancel happen mid-download
        // however slow the machine is.
        hub.bytesPerSecond = 1_500_000;
        hub.pauseAt.put(SHARD1, 4_000_000L);
        clickOnAndCheck("#models-download", () -> vm.downloadingProperty().get() || vm.lastResultProperty().get() != null
                || !vm.messageProperty().get().isEmpty());

        waitUntil(() -> vm.progressProperty().get() > 0.3);
        waitUntil(() -> vm.folders().size() == 3); // the folder being filled shows up, incomplete
        Path shot = Paths.get("target", "screenshots", "models-download.png");
        writeScreenshot(view.getScene(), shot);
        assertThat(vm.progressTextProperty().get()).matches(".* of 12\\.5 MB · .*/s · .* left");
        assertThat(vm.fileTextProperty().get()).matches("(Downloading|Checking SHA-256 of) .*\\(file \\d of 8\\)");
        assertThat(vm.folders()).filteredOn(f -> f.name().equals("llava-tiny")).singleElement()
                .satisfies(f -> assertThat(f.problems().get(0)).startsWith("unfinished download"));
        assertThat(lookup(".models-busy").queryLabeled().getText()).startsWith("↓ downloading… ");
        Path downloaded = tmp.resolve("models/llava-tiny");

        clickOn("#models-cancel");
        waitUntil(() -> !vm.downloadingProperty().get());
        assertThat(vm.resumableProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).startsWith("Cancelled.");
        List<Path> parts;
        try (var s = Files.list(downloaded.resolve(".download"))) {
            parts = s.toList();
        }
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).getFileName().toString()).isEqualTo(SHARD1 + ".part");
        String partial = parts.get(0).getFileName().toString().replace(".part", "");
        long kept = Files.size(parts.get(0));
        assertThat(kept).isPositive().isLessThanOrEqualTo(4_000_000L);
        assertThat(downloaded.resolve(partial)).doesNotExist();

        hub.bytesPerSecond = 0;
        hub.release();
        clickOnAndCheck("#models-resume", () -> vm.downloadingProperty().get() || vm.lastResultProperty().get() != null);
        waitUntil(() -> vm.lastResultProperty().get() != null);
        assertThat(vm.messageProperty().get()).isEqualTo("Downloaded " + FakeHub.REPO + " and verified it: ready to use.");
        List<FakeHub.Request> resumed = hub.requestsFor(partial);
        assertThat(resumed.get(resumed.size() - 1).range()).isEqualTo("bytes=" + kept + "-");
        System.out.printf("ModelsViewTest: cancelled with %d of %d bytes of %s in the .part; Resume asked for %s%n",
                kept, hub.size(partial), partial, resumed.get(resumed.size() - 1).range());

        waitUntil(() -> vm.folders().stream().anyMatch(f -> f.name().equals("llava-tiny") && f.complete()));
        int row = indexOf(vm, "llava-tiny");
        interact(() -> table.getSelectionModel().select(row));
        clickOn("#models-use");
        assertThat(used.get()).isNotNull();
        assertThat(used.get().path()).isEqualTo(downloaded.toAbsolutePath().normalize());
        assertThat(vm.folders().get(indexOf(vm, "llava-tiny")).inUse()).isTrue();
        assertThat(vm.folders().get(indexOf(vm, "llava-tiny-local")).inUse()).isFalse();
        writeScreenshot(view.getScene(), Paths.get("target", "screenshots", "models-done.png"));
    }

    private static int indexOf(ModelsViewModel vm, String name) {
        for (int i = 0; i < vm.folders().size(); i++) {
            if (vm.folders().get(i).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no row " + name + " in " + vm.folders());
    }

    private static void writeScreenshot(Scene scene, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        AtomicReference<java.awt.image.BufferedImage> image = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> image.set(SwingFXUtils.fromFXImage(scene.snapshot(null), null))).get(10, TimeUnit.SECONDS);
        ImageIO.write(image.get(), "png", file.toFile());
        System.out.println("ModelsViewTest: screenshot " + file.toAbsolutePath());
    }

    /**
     * Clicks a button; on a heavily loaded machine Monocle's robot has been seen to drop a click, so
     * when nothing happened within a few seconds the button is fired directly (and the test says so).
     */
    private void clickOnAndCheck(String query, Callable<Boolean> happened) throws Exception {
        clickOn(query);
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(happened).get(10, TimeUnit.SECONDS));
        } catch (java.util.concurrent.TimeoutException dropped) {
            System.out.println("ModelsViewTest: the click on " + query + " did not register; firing the button");
            javafx.scene.control.Button button = lookup(query).queryButton();
            interact(button::fire);
        }
    }

    private void waitUntil(Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition).get(10, TimeUnit.SECONDS));
        } catch (java.util.concurrent.TimeoutException e) {
            ModelsViewModel vm = view.model();
            throw new AssertionError("timed out; view state: downloading=" + vm.downloadingProperty().get()
                    + " progress=" + vm.progressProperty().get() + " text='" + vm.progressTextProperty().get()
                    + "' file='" + vm.fileTextProperty().get() + "' message='" + vm.messageProperty().get()
                    + "' repo='" + vm.repoIdProperty().get() + "' hub requests=" + hub.requests, e);
        }
    }
}
