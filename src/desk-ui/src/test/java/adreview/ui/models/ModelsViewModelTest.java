package adreview.ui.models;

import adreview.models.Fixtures;
import adreview.models.ModelCatalog;
import adreview.models.ModelFolderInfo;
import adreview.models.download.FakeHub;
import adreview.models.download.HubClient;
import adreview.models.download.ModelDownloader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The view model alone, with work and callbacks on the calling thread (no JavaFX toolkit needed). */
class ModelsViewModelTest {

    @TempDir
    Path tmp;
    FakeHub hub;
    ModelsViewModel vm;
    final List<ModelFolderInfo> used = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        hub = new FakeHub(Fixtures.tinyModel());
        vm = new ModelsViewModel(new adreview.desk.ModelLibrary(new ModelCatalog(tmp.resolve("models")),
                new ModelDownloader(new HubClient(hub.base(), null))), Runnable::run, Runnable::run);
        vm.setOnUse(used::add);
    }

    @AfterEach
    void tearDown() {
        hub.close();
    }

    @Test
    void offersTheTwoLlavaRepositoriesAndStartsWithSevenB() {
        assertThat(vm.suggestedRepos()).containsExactly("llava-hf/llava-1.5-7b-hf", "llava-hf/llava-1.5-13b-hf");
        assertThat(vm.repoIdProperty().get()).isEqualTo("llava-hf/llava-1.5-7b-hf");
        assertThat(vm.revisionProperty().get()).isEqualTo("main");
    }

    @Test
    void aDownloadEndsVerifiedListedAndUsable() {
        vm.repoIdProperty().set(FakeHub.REPO);
        vm.download();

        assertThat(vm.downloadingProperty().get()).isFalse();
        assertThat(vm.messageKindProperty().get()).isEqualTo(ModelsViewModel.MessageKind.SUCCESS);
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.folders()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("llava-tiny");
            assertThat(f.complete()).isTrue();
        });
        vm.use(vm.folders().get(0));
        assertThat(used).hasSize(1);
        assertThat(vm.folders().get(0).inUse()).isTrue();
        assertThat(vm.inUseProperty().get()).isEqualTo(tmp.resolve("models/llava-tiny").toAbsolutePath().normalize());
    }

    @Test
    void anUnknownRepositoryIsAnErrorAndNotResumable() {
        vm.repoIdProperty().set("test-org/nothing");
        vm.download();
        assertThat(vm.messageKindProperty().get()).isEqualTo(ModelsViewModel.MessageKind.ERROR);
        assertThat(vm.messageProperty().get()).startsWith("No repository test-org/nothing on " + hub.base());
        assertThat(vm.resumableProperty().get()).isFalse();
    }

    @Test
    void aMissingFileIsReportedAndTheNextRunKeepsWhatWasDone() {
        hub.missing.add("model-00002-of-00002.safetensors");
        vm.repoIdProperty().set(FakeHub.REPO);
        vm.download();
        assertThat(vm.messageProperty().get()).startsWith("model-00002-of-00002.safetensors is in the hub's file list");
        assertThat(vm.resumableProperty().get()).isFalse();
        // The row shows what is missing, the finished files stay.
        assertThat(vm.folders()).singleElement().satisfies(f -> assertThat(f.complete()).isFalse());

        hub.missing.clear();
        hub.cutAfter.put("model-00002-of-00002.safetensors", 1000L);
        vm.download();
        assertThat(vm.messageKindProperty().get()).isEqualTo(ModelsViewModel.MessageKind.SUCCESS);
        // The files finished before the 404 were kept and not fetched again.
        assertThat(vm.lastResultProperty().get().alreadyPresent())
                .containsExactly("config.json", "model-00001-of-00002.safetensors");
    }

    @Test
    void aBadIdOrAnIncompleteFolderIsRefusedWithAMessage() throws IOException {
        vm.repoIdProperty().set("no good");
        vm.download();
        assertThat(vm.messageProperty().get()).contains("'no good' is not a hub repository id");
        assertThat(hub.requests).isEmpty();

        Path broken = Fixtures.copyOfTinyModel(tmp.resolve("models/broken"));
        Files.delete(broken.resolve("config.json"));
        vm.refresh();
        vm.use(vm.folders().get(0));
        assertThat(used).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("broken is incomplete: config.json is missing");
    }
}
