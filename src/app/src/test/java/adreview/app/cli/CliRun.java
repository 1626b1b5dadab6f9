package adreview.app.cli;

import adreview.app.Main;
import adreview.review.ReviewTestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** One CLI command run in-process against a test database (its URL and asset root put first), with what it printed. */
record CliRun(int code, String out, String err) {

    static CliRun against(ReviewTestDatabase db, String... args) {
        return against(Main.commandLine(), db, args);
    }

    static CliRun against(CommandLine cl, ReviewTestDatabase db, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("--db-url", db.jdbcUrl(), "--db-user", "postgres",
                "--asset-root", db.dir().resolve("assets").toString()));
        all.addAll(List.of(args));
        int code = cl.execute(all.toArray(String[]::new));
        return new CliRun(code, out.toString(), err.toString());
    }
}
