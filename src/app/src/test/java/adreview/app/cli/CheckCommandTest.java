package adreview.app.cli;

import adreview.app.Main;
import adreview.store.demo.DemoVariants;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code check} on the embedded database with the demo data, in-process. */
class CheckCommandTest {

    private static Path dataDir;

    record Result(int code, String out, String err) {
    }

    @BeforeAll
    static void dataDir() throws IOException {
        dataDir = Files.createTempDirectory("adreview-check-");
    }

    @AfterAll
    static void delete() throws IOException {
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Result run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data-dir";
        all[args.length + 1] = dataDir.toString();
        int code = cl.execute(all);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void textReportShowsThePlantedFaultsAndJsonIsTheStoredReport() throws Exception {
        Result low = run("check", "--variant", DemoVariants.LOW_CONTRAST.toString());
        assertThat(low.code()).as(low.err()).isZero();
        assertThat(low.out()).contains("WCAG 1.4.3 AA: FAIL").contains("#9A9A9A on #B0B0B0").contains("1.30:1");

        Result over = run("check", "--variant", DemoVariants.TEXT_OVER_PRODUCT.toString());
        assertThat(over.out()).contains("FLAGGED").containsPattern("headline #0 +\\d+% over the subject  FLAGGED");

        Result json = run("check", "--variant", DemoVariants.MISSING_CTA.toString(), "--json", "--placement", "feed");
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode tree = new ObjectMapper().readTree(json.out());
        assertThat(tree.path("cta").path("status").asText()).isEqualTo("ABSENT");
        assertThat(tree.path("placement").path("name").asText()).isEqualTo("feed");
        assertThat(tree.path("contrast").size()).isEqualTo(2);
    }

    @Test
    void badInputGetsOneLineAndNonZeroExit() {
        Result notUuid = run("check", "--variant", "banana");
        assertThat(notUuid.code()).isNotZero();
        assertThat(notUuid.err().strip()).doesNotContain("\n").contains("banana").contains("not a variant id");

        Result badPlacement = run("check", "--variant", DemoVariants.BOTTLE_GOOD.toString(), "--placement", "billboard");
        assertThat(badPlacement.code()).isNotZero();
        assertThat(badPlacement.err().strip()).doesNotContain("\n").contains("billboard");

        Result missing = run("check", "--variant", "00000000-0000-0000-0000-000000000001");
        assertThat(missing.code()).isNotZero();
        assertThat(missing.err().strip()).doesNotContain("\n").contains("not found");
    }
}
