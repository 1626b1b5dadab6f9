package adreview.app.cli;

import adreview.app.Main;
import adreview.models.Fixtures;
import adreview.models.ModelVerifier;
import adreview.models.download.FakeHub;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ModelsCommandTest {

    static final String SHARD1 = "model-00001-of-00002.safetensors";
    static final String SHARD2 = "model-00002-of-00002.safetensors";

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void verifyPassesTheFixture() {
        Run r = run("models", "verify", Fixtures.tinyModel().toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains(": complete (F16, 12.5 MB)");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void verifyCatchesADeletedShard() throws IOException {
        Path folder = Fixtures.copyOfTinyModel(tmp.resolve("m"));
        Files.delete(folder.resolve(SHARD2));

        Run r = run("models", "verify", folder.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("incomplete").contains("  - shard " + SHARD2 + " (named in model.safetensors.index.json) is missing");
        assertThat(r.err().lines()).singleElement().asString().contains("1 problem(s)");
    }

    @Test
    void verifyCatchesATruncatedFile() throws IOException {
        Path folder = Fixtures.copyOfTinyModel(tmp.resolve("m"));
        try (RandomAccessFile f = new RandomAccessFile(folder.resolve(SHARD1).toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }

        Run r = run("models", "verify", folder.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains(SHARD1).contains("truncated");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void listJsonDescribesEachFolder() throws Exception {
        Path models = tmp.resolve("models");
        Path tiny = Fixtures.copyOfTinyModel(models.resolve("llava-tiny"));
        Path broken = Fixtures.copyOfTinyModel(models.resolve("broken"));
        Files.delete(broken.resolve("config.json"));

        Run r = run("models", "--models-dir", models.toString(), "list", "--json", "--in-use", tiny.toString());

        assertThat(r.code()).isZero();
        JsonNode rows = new ObjectMapper().readTree(r.out());
        assertThat(rows).hasSize(2);
        JsonNode b = rows.get(0);
        JsonNode t = rows.get(1);
        assertThat(t.get("name").asText()).isEqualTo("llava-tiny");
        assertThat(t.get("architecture").asText()).isEqualTo("LlavaForConditionalGeneration (llava)");
        assertThat(t.get("dtype").asText()).isEqualTo("F16");
        assertThat(t.get("complete").asBoolean()).isTrue();
        assertThat(t.get("inUse").asBoolean()).isTrue();
        assertThat(t.get("sizeBytes").asLong()).isEqualTo(ModelVerifier.sizeOnDisk(tiny));
        assertThat(b.get("complete").asBoolean()).isFalse();
        assertThat(b.get("problems").get(0).asText()).isEqualTo("config.json is missing");
        assertThat(b.get("architecture").asText()).isEqualTo("?");
    }

    @Test
    void theGlobalModelDirNamesTheModelsToListAndTheFolderToVerify() throws Exception {
        Path models = tmp.resolve("elsewhere");
        Path tiny = Fixtures.copyOfTinyModel(models.resolve("llava-tiny"));
        Path other = Fixtures.copyOfTinyModel(models.resolve("llava-other"));

        // A folder of models: each one is listed.
        Run r = run("models", "list", "--json", "--model-dir", models.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(r.out());
        assertThat(rows).extracting(n -> n.get("path").asText()).containsExactly(other.toString(), tiny.toString());

        // One model folder (as the desk keeps it): listed beside its siblings and marked as the one in use, the
        // global option given before the command as well.
        Run one = run("--model-dir", tiny.toString(), "models", "list", "--json");
        assertThat(one.code()).as(one.err()).isZero();
        JsonNode listed = new ObjectMapper().readTree(one.out());
        assertThat(listed).extracting(n -> n.get("name").asText() + "=" + n.get("inUse").asBoolean())
                .containsExactly("llava-other=false", "llava-tiny=true");

        Run verify = run("models", "verify", "--model-dir", tiny.toString());
        assertThat(verify.code()).as(verify.err()).isZero();
        assertThat(verify.out()).startsWith(tiny + ": complete");
        Files.delete(other.resolve(SHARD2));
        Run broken = run("models", "verify", "--model-dir", other.toString());
        assertThat(broken.code()).isEqualTo(1);
        assertThat(broken.out()).startsWith(other + ": incomplete");
    }

    @Test
    void listTableMarksIncompleteFolders() throws IOException {
        Path models = tmp.resolve("models");
        Path broken = Fixtures.copyOfTinyModel(models.resolve("broken"));
        Files.delete(broken.resolve(SHARD2));

        Run r = run("models", "--models-dir", models.toString(), "list");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("broken").contains("INCOMPLETE").contains("- shard " + SHARD2);
    }

    @Test
    void downloadFetchesFromTheHubWithAProgressLine() throws IOException {
        try (FakeHub hub = new FakeHub(Fixtures.tinyModel())) {
            Path dest = tmp.resolve("models/tiny");
            Run r = run("models", "download", FakeHub.REPO, "--revision", "main", "--dir", dest.toString(),
                    "--hub-url", hub.base().toString());

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("Downloaded " + FakeHub.REPO + "@main into " + dest.toAbsolutePath())
                    .contains("8 file(s), 12.5 MB fetched");
            assertThat(r.err()).contains("\r").contains("100% 12.5 MB of 12.5 MB");
            assertThat(new ModelVerifier().verify(dest).complete()).isTrue();
        }
    }

    @Test
    void downloadErrorsAreOneLine() throws IOException {
        try (FakeHub hub = new FakeHub(Fixtures.tinyModel())) {
            Run r = run("models", "download", "test-org/nothing", "--dir", tmp.resolve("x").toString(),
                    "--hub-url", hub.base().toString());
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err().strip().lines().reduce((a, b) -> b).orElseThrow())
                    .startsWith("No repository test-org/nothing on " + hub.base());
            assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }
}
