package adreview.app.cli;

import adreview.app.DeskContext;
import adreview.app.Main;
import adreview.app.ReviewWiring;
import adreview.review.decision.ReviewerDecision;
import adreview.review.decision.Verdict;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code decide}: records a reviewer decision (accept / fix / reject) on a variant. */
@Command(name = "decide", mixinStandardHelpOptions = true,
        description = "Record a reviewer decision on a variant (kept apart from model traces, append-only).")
public final class DecideCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--variant", required = true, paramLabel = "ID", description = "jobs_variants.job_variants_id: the whole UUID or its first 8+ characters.")
    String variant;

    @Option(names = "--verdict", required = true, paramLabel = "VERDICT", description = "accept, fix or reject.")
    String verdict;

    @Option(names = "--comment", paramLabel = "TEXT", description = "Optional comment.")
    String comment;

    @Option(names = "--reviewer", paramLabel = "NAME", description = "Reviewer name (default: the OS user).")
    String reviewer = System.getProperty("user.name", "reviewer");

    @Option(names = "--trace", paramLabel = "TRACE_ID", description = "The trace the decision is about (optional; whole id or its first 8+ characters).")
    String trace;

    @Option(names = "--json", description = "Print the stored decision as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Verdict v = Verdict.parse(verdict);
        ReviewerDecision d;
        try (DeskContext context = main.openContext()) {
            UUID variantId = context.ids().variant(variant);
            UUID traceId = trace == null ? null : context.ids().trace(trace);
            d = ReviewWiring.decisions(context).record(variantId, v, comment, reviewer, traceId);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode n = CliJson.MAPPER.createObjectNode();
            n.put("decision_id", d.decisionId().toString());
            n.put("variant_id", d.variantId().toString());
            n.put("verdict", d.verdict().dbValue());
            n.put("comment", d.comment());
            n.put("reviewer", d.reviewer());
            n.put("trace_id", CliJson.text(d.traceId()));
            n.put("created_at", CliJson.text(d.createdAt()));
            out.println(CliJson.pretty(n));
        } else {
            out.println(d.verdict().title() + " recorded for variant " + d.variantId() + " by " + d.reviewer()
                    + (d.comment() == null ? "" : ": " + d.comment()));
        }
        out.flush();
        return 0;
    }
}
