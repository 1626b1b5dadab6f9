package adreview.app.cli;

import adreview.app.DeskConfig;
import adreview.app.DeskContext;
import adreview.app.ReviewWiring;
import adreview.review.RunOutcome;
import adreview.review.report.AgreementReports;
import adreview.review.report.ComparisonRejudge;
import adreview.review.report.ComparisonRequest;
import adreview.review.report.ReportCsv;
import adreview.review.report.ReportJson;
import adreview.review.report.RunComparison;
import adreview.review.report.RunSide;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code report compare}: two prompt versions or two models on the same variants, each against the
 * reviewers and against each other, and the variants where they differ. From the stored traces (pipeline
 * runs and re-judges), or with {@code --rejudge-now} after re-judging every chosen variant with each side.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two prompt versions or two models on the same variants.")
public final class ReportCompareCommand implements Callable<Integer> {

    @ParentCommand
    ReportCommand report;

    @Spec
    CommandSpec spec;

    @Mixin
    ReportOptions options;

    @Option(names = "--prompt-a", paramLabel = "VERSION", description = "Side A's prompt version, e.g. stage1-v1.")
    String promptA;

    @Option(names = "--prompt-b", paramLabel = "VERSION", description = "Side B's prompt version, e.g. stage1-v2.")
    String promptB;

    @Option(names = "--model-a", paramLabel = "DIR", description = "Side A's model folder (its name selects stored traces).")
    Path modelA;

    @Option(names = "--model-b", paramLabel = "DIR", description = "Side B's model folder.")
    Path modelB;

    @Option(names = "--variant", paramLabel = "ID", description = "A variant to compare (repeatable; whole id or its first 8+ characters); default: the most recently decided.")
    List<String> variants = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", description = "How many decided variants without --variant (default ${DEFAULT-VALUE}).")
    int limit = ComparisonRequest.DEFAULT_LIMIT;

    @Option(names = "--rejudge-now", description = "Re-judge the variants with side A, then side B (needs the models), then compare.")
    boolean rejudgeNow;

    @Option(names = "--by", paramLabel = "NAME", description = "Who re-judges (recorded in the traces; default: the OS user).")
    String by = System.getProperty("user.name");

    @Override
    public Integer call() {
        if (promptA == null && modelA == null || promptB == null && modelB == null) {
            throw new ParameterException(spec.commandLine(),
                    "name both sides: --prompt-a V --prompt-b W, or --model-a DIR --model-b DIR (or both)");
        }
        RunSide a = new RunSide(promptA, folderName(modelA));
        RunSide b = new RunSide(promptB, folderName(modelB));
        var filter = options.filter(spec);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunComparison comparison;
        try (DeskContext context = report.main().openContext()) {
            List<UUID> ids = variants.stream().map(context.ids()::variant).toList();
            ComparisonRequest request;
            try {
                request = new ComparisonRequest(filter, a, b, ids, limit);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            AgreementReports reports = new AgreementReports(context.database());
            if (rejudgeNow) {
                DeskConfig config = context.config();
                ComparisonRejudge rejudge = new ComparisonRejudge(reports, side -> ReviewWiring.reviewService(context,
                        ReviewWiring.model(side.equals(a) && modelA != null ? config.withModelDir(modelA)
                                : side.equals(b) && modelB != null ? config.withModelDir(modelB) : config)));
                comparison = rejudge.run(request, by, (side, variant, outcome, refusal, done, total) -> {
                    err.println("[" + done + "/" + total + "] " + side.label() + " on " + variant + ": "
                            + describe(outcome, refusal));
                    err.flush();
                }, null);
            } else {
                comparison = reports.compare(request);
            }
        }
        out.print(options.json ? CliJson.pretty(ReportJson.comparison(comparison)) + "\n"
                : options.csv ? ReportCsv.comparison(comparison) : ReportText.comparison(comparison));
        out.flush();
        return 0;
    }

    private static String folderName(Path folder) {
        return folder == null ? null : folder.toAbsolutePath().normalize().getFileName().toString();
    }

    private static String describe(RunOutcome outcome, String refusal) {
        if (outcome == null) {
            return "refused: " + refusal;
        }
        if (outcome instanceof RunOutcome.Failed f) {
            return "failed: " + f.error();
        }
        return outcome instanceof RunOutcome.Done ? "done" : "cancelled";
    }
}
