package adreview.app.cli;

import adreview.app.DeskContext;
import adreview.app.Main;
import adreview.store.RunClaim;
import adreview.store.RunRecovery;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code recover}: recovers the desk's runs that cannot end by themselves (their process ended on this
 * host, or their heartbeat is older than two minutes): the variant is set failed where it is still at the
 * run's step and {@code running}, an {@code interrupted} trace is stored, the claim is closed. Every
 * command does this when it opens the database; this one also lists what it recovered and the runs that
 * are still live. Variants the pipeline's own services set running are never touched.
 */
@Command(name = "recover", mixinStandardHelpOptions = true,
        description = {"Recover interrupted desk runs (variant failed, 'interrupted' trace) and list live ones.",
                "Every command recovers when it opens the database; this one shows it."})
public final class RecoverCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print recovered and live runs as JSON.")
    boolean json;

    @Override
    public Integer call() {
        List<RunRecovery.Recovered> recovered = new ArrayList<>();
        List<RunClaim> live;
        try (DeskContext context = main.openContext()) {
            recovered.addAll(context.recovered());
            recovered.addAll(context.recoverNow());
            live = context.claims().open();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = CliJson.MAPPER.createObjectNode();
            ArrayNode r = root.putArray("recovered");
            recovered.forEach(x -> r.add(recoveredJson(x)));
            ArrayNode l = root.putArray("live");
            live.forEach(c -> l.add(claimJson(c)));
            out.println(CliJson.pretty(root));
        } else {
            out.println(recovered.isEmpty() ? "No interrupted runs to recover."
                    : "Recovered " + recovered.size() + " interrupted run" + (recovered.size() == 1 ? "" : "s") + ":");
            for (RunRecovery.Recovered x : recovered) {
                RunClaim c = x.claim();
                out.println("  variant " + c.variantId() + "  Stage " + c.stage() + "  " + c.owner() + "  "
                        + x.reason().text() + "  -> " + (x.variantFailed() ? "variant set failed"
                        : x.foundStep() == null ? "variant no longer exists"
                        : "variant left at " + x.foundStep() + "/" + x.foundStatus())
                        + (x.traceId() == null ? "" : ", trace " + x.traceId()));
            }
            out.println(live.isEmpty() ? "No desk runs are live." : live.size() + " desk run"
                    + (live.size() == 1 ? " is" : "s are") + " live:");
            for (RunClaim c : live) {
                out.println("  variant " + c.variantId() + "  Stage " + c.stage() + "  " + c.owner()
                        + "  started " + CliJson.shortTime(c.startedAt()) + "  last heartbeat " + c.heartbeatAt());
            }
        }
        out.flush();
        return 0;
    }

    private static ObjectNode recoveredJson(RunRecovery.Recovered x) {
        ObjectNode n = claimJson(x.claim());
        n.put("reason", x.reason().wire());
        n.put("variant_failed", x.variantFailed());
        n.put("found_step", x.foundStep());
        n.put("found_status", x.foundStatus());
        n.put("trace_id", CliJson.text(x.traceId()));
        return n;
    }

    private static ObjectNode claimJson(RunClaim c) {
        ObjectNode n = CliJson.MAPPER.createObjectNode();
        n.put("run_id", CliJson.text(c.runId()));
        n.put("variant_id", CliJson.text(c.variantId()));
        n.put("job_id", CliJson.text(c.jobId()));
        n.put("stage", c.stage());
        n.put("step", c.expectedStep());
        n.put("host", c.owner().host());
        n.put("pid", c.owner().pid());
        n.put("started_at", CliJson.text(c.startedAt()));
        n.put("heartbeat_at", CliJson.text(c.heartbeatAt()));
        return n;
    }
}
