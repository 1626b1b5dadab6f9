package adreview.app.cli;

import adreview.app.DeskContext;
import adreview.app.Main;
import adreview.store.VariantFilter;
import adreview.store.VariantRow;
import adreview.store.VariantStatus;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code list}: the variants, newest first, filtered like the desk's list. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List variants, most recently updated first.")
public final class ListCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--status", paramLabel = "STATUS", description = "queued, running, done or failed.")
    String status;

    @Option(names = "--step", paramLabel = "STEP", description = "img_gen, vlm_analyze, yolo_detect, overlay, vlm_judge, ocr_eval, ...")
    String step;

    @Option(names = "--job", paramLabel = "JOB_ID", description = "Only this job's variants (whole id or its first 8+ characters).")
    String job;

    @Option(names = "--search", paramLabel = "TEXT",
            description = "Free text: ids, tenant, image URL, status, step, ad copy.")
    String search;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (status != null && VariantStatus.fromDb(status.toLowerCase(Locale.ROOT)).isEmpty()) {
            throw new ParameterException(spec.commandLine(), "unknown status '" + status + "': use "
                    + Arrays.stream(VariantStatus.values()).map(VariantStatus::dbValue).collect(Collectors.joining(", ")));
        }
        VariantFilter filter = VariantFilter.ALL
                .withStatus(status == null ? null : status.toLowerCase(Locale.ROOT))
                .withStep(step == null ? null : step.toLowerCase(Locale.ROOT))
                .withText(search);
        List<VariantRow> rows;
        try (DeskContext context = main.openContext()) {
            rows = context.variants().list(job == null ? filter : filter.withJob(context.ids().job(job)));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode array = CliJson.MAPPER.createArrayNode();
            rows.forEach(row -> array.add(CliJson.row(row)));
            out.println(CliJson.pretty(array));
        } else {
            printTable(out, rows);
        }
        out.flush();
        return 0;
    }

    private static void printTable(PrintWriter out, List<VariantRow> rows) {
        // S1 / S2: the latest pipeline results; RJ "yes": re-judged since.
        String format = "%-36s  %-16s  %-11s  %-7s  %-16s  %-5s  %-3s  %s%n";
        out.printf(format, "VARIANT", "TENANT", "STEP", "STATUS", "UPDATED", "S1", "RJ", "S2");
        for (VariantRow row : rows) {
            // Every column is database text: escaped here too, whatever writer the caller gave.
            out.print(Terminal.safe(String.format(format, row.variantId(), row.tenantId(), row.currentStep(),
                    row.status(), CliJson.shortTime(row.updatedAt()),
                    row.stage1Score() == null ? "-" : String.format(Locale.ROOT, "%.2f", row.stage1Score()),
                    row.rejudged() ? "yes" : "-",
                    row.stage2Verdict() == null ? "-" : row.stage2Verdict())));
        }
        out.printf("%d variant%s%n", rows.size(), rows.size() == 1 ? "" : "s");
    }
}
