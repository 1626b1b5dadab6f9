package adreview.models;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ModelCatalogTest {

    @TempDir
    Path tmp;

    @Test
    void listsFoldersUnderTheModelsDirAndAddedOnesWithTheirFacts() throws IOException {
        Path models = tmp.resolve("models");
        Path good = Fixtures.copyOfTinyModel(models.resolve("llava-tiny"));
        Path broken = Fixtures.copyOfTinyModel(models.resolve("broken"));
        Files.delete(broken.resolve(ModelVerifierTest.SHARD2));
        Files.createDirectories(models.resolve(".hidden"));
        Files.createDirectories(models.resolve("notes"));
        Files.writeString(models.resolve("notes/readme.txt"), "not a model");
        Path elsewhere = Fixtures.copyOfTinyModel(tmp.resolve("elsewhere/other"));

        List<ModelFolderInfo> rows = new ModelCatalog(models).list(List.of(elsewhere), good);

        assertThat(rows).extracting(ModelFolderInfo::name).containsExactly("broken", "llava-tiny", "other");
        ModelFolderInfo tiny = rows.get(1);
        assertThat(tiny.architecture()).isEqualTo("LlavaForConditionalGeneration (llava)");
        assertThat(tiny.dtype()).isEqualTo("F16");
        assertThat(tiny.complete()).isTrue();
        assertThat(tiny.inUse()).isTrue();
        long expectedSize;
        try (var s = Files.list(Fixtures.tinyModel())) {
            expectedSize = s.mapToLong(p -> p.toFile().length()).sum();
        }
        assertThat(tiny.sizeBytes()).isEqualTo(expectedSize);
        assertThat(rows.get(0).complete()).isFalse();
        assertThat(rows.get(0).inUse()).isFalse();
        assertThat(rows.get(0).problems()).anySatisfy(p -> assertThat(p).contains(ModelVerifierTest.SHARD2));
        assertThat(rows.get(2).path()).isEqualTo(elsewhere.toAbsolutePath().normalize());
    }

    @Test
    void aModelsDirThatIsItselfAModelFolderListsItself() {
        List<ModelFolderInfo> rows = new ModelCatalog(Fixtures.tinyModel()).list(List.of(), null);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("llava-tiny");
            assertThat(r.complete()).isTrue();
        });
    }

    @Test
    void aDownloadGoesToAFolderNamedAfterTheRepository() {
        assertThat(new ModelCatalog(tmp).folderFor("llava-hf/llava-1.5-7b-hf"))
                .isEqualTo(tmp.toAbsolutePath().normalize().resolve("llava-1.5-7b-hf"));
    }
}
