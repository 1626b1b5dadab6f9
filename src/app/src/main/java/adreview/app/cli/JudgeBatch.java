package adreview.app.cli;

import adreview.app.DeskContext;
import adreview.app.ReviewWiring;
import adreview.review.CancellationGroup;
import adreview.review.ModelUnavailableException;
import adreview.review.ReviewModel;
import adreview.review.RunOutcome;
import adreview.review.RunRequest;
import adreview.review.StageRefusedException;
import adreview.review.batch.BatchReport;
import adreview.review.batch.BatchResult;
import adreview.review.batch.BatchRunner;
import adreview.store.Trace;
import adreview.store.VariantFilter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code judge} on several variants: the named ones and those the filter selects, run by a {@link BatchRunner} with
 * the configured concurrency (1 on the local backend), each with its own claim. A line per run as it ends, then a
 * summary with throughput; {@code --json} prints one document at the end instead. The exit code is the most serious
 * of the runs': 130/143 (Ctrl-C/SIGTERM: every in-flight run is stopped and recorded, the rest not started), then 1
 * (a run failed or its result was not stored), 2 (refused), 3 (superseded); 0 only when every run was done.
 */
final class JudgeBatch {

    private final JudgeCommand command;
    private final PrintWriter out;
    private final PrintWriter err;

    JudgeBatch(JudgeCommand command, PrintWriter out, PrintWriter err) {
        this.command = command;
        this.out = out;
        this.err = err;
    }

    /** Runs the variants {@code named} (as typed) and, when {@code filtered}, those of the filter and job (as typed). */
    int run(List<String> named, String job, VariantFilter withoutJob, boolean filtered) {
        try (DeskContext context = command.main().openContext()) {
            LinkedHashSet<UUID> ids = new LinkedHashSet<>();
            named.forEach(typed -> ids.add(context.ids().variant(typed)));
            VariantFilter filter = job == null ? withoutJob : withoutJob.withJob(context.ids().job(job));
            if (filtered) {
                context.variants().list(filter).forEach(row -> ids.add(row.variantId()));
            }
            if (ids.isEmpty()) {
                return refuse("no variant matches " + describe(filter) + "; nothing was run");
            }
            ReviewModel model = command.main().model(context.config());
            try {
                // Once for the batch: without a model or a server every run would be refused with the same line.
                model.unavailableReason().ifPresent(reason -> {
                    throw new ModelUnavailableException(reason);
                });
                try (ProgressPrinter progress = ProgressPrinter.onStderr()) {
                    model.prepare(progress);
                }
            } catch (StageRefusedException e) {
                return refuse(e.getMessage());
            }
            int concurrency = context.config().effectiveConcurrency();
            List<RunRequest> requests = ids.stream().map(command::request).toList();
            if (!command.json()) {
                out.println("Stage " + command.stage() + (command.rejudge() ? " re-judge" : "") + " of " + requests.size()
                        + " variants, " + concurrency + " at a time, on " + model.describe());
                out.flush();
            }
            CancellationGroup runs = new CancellationGroup();
            RunSignals signals = RunSignals.install(runs, err);
            List<BatchResult> results;
            long t0 = System.nanoTime();
            try {
                results = new BatchRunner(ReviewWiring.reviewService(context, model), concurrency).run(requests, runs,
                        new BatchRunner.Listener() {
                            @Override
                            public void finished(BatchResult r) {
                                if (!command.json()) {
                                    out.println(line(r));
                                    out.flush();
                                }
                            }
                        });
            } finally {
                signals.runEnded();
            }
            BatchReport report = BatchReport.of(results, concurrency, (System.nanoTime() - t0) / 1_000_000);
            if (command.json()) {
                out.println(CliJson.pretty(json(results, report, model)));
            } else {
                out.println(report.line());
            }
            out.flush();
            Integer signalled = signals.exitCode();
            if (signalled != null) {
                err.println("cancelled: " + JudgeCommand.oneLine(runs.reason()) + "; runs in flight were recorded as failed,"
                        + " the rest were not started");
                err.flush();
                return signalled;
            }
            return exitCode(report);
        }
    }

    static int exitCode(BatchReport r) {
        if (r.count(BatchResult.Kind.FAILED) + r.count(BatchResult.Kind.NOT_STORED) > 0) {
            return JudgeCommand.FAILED;
        }
        if (r.count(BatchResult.Kind.REFUSED) + r.count(BatchResult.Kind.NOT_STARTED) + r.count(BatchResult.Kind.CANCELLED) > 0) {
            return JudgeCommand.REFUSED;
        }
        return r.count(BatchResult.Kind.SUPERSEDED) > 0 ? JudgeCommand.SUPERSEDED : JudgeCommand.DONE;
    }

    private int refuse(String message) {
        err.println("refused: " + JudgeCommand.oneLine(message));
        err.flush();
        return JudgeCommand.REFUSED;
    }

    private static String describe(VariantFilter f) {
        List<String> parts = new ArrayList<>();
        if (f.status() != null) {
            parts.add("--status " + f.status());
        }
        if (f.step() != null) {
            parts.add("--step " + f.step());
        }
        if (f.jobId() != null) {
            parts.add("--job " + f.jobId());
        }
        return String.join(" ", parts);
    }

    /** "done        3f2a…  812 ms  trace 9c1e…" or "failed      3f2a…  812 ms  <error>" */
    static String line(BatchResult r) {
        Trace t = trace(r.outcome());
        String detail = r.kind() == BatchResult.Kind.DONE ? "trace " + t.traceId()
                : JudgeCommand.oneLine(r.message()) + (t == null ? "" : " (trace " + t.traceId() + ")");
        return String.format(Locale.ROOT, "%-11s %s %7d ms  %s", r.kind().label(), r.request().variantId(), r.millis(), detail);
    }

    private static Trace trace(RunOutcome o) {
        return switch (o) {
            case null -> null;
            case RunOutcome.Done d -> d.trace();
            case RunOutcome.Failed f -> f.trace();
            case RunOutcome.Superseded s -> s.trace();
            case RunOutcome.Cancelled c -> c.trace();
        };
    }

    private ObjectNode json(List<BatchResult> results, BatchReport report, ReviewModel model) {
        ObjectNode n = CliJson.MAPPER.createObjectNode();
        n.put("stage", command.stage());
        n.put("rejudge", command.rejudge());
        n.put("backend", model.backend());
        n.put("concurrency", report.concurrency());
        ArrayNode runs = n.putArray("runs");
        for (BatchResult r : results) {
            ObjectNode o = runs.addObject();
            o.put("variant_id", r.request().variantId().toString());
            o.put("outcome", r.kind().name().toLowerCase(Locale.ROOT));
            Trace t = trace(r.outcome());
            o.put("trace_id", t == null ? null : t.traceId().toString());
            o.put("millis", r.millis());
            if (r.message() != null) {
                o.put("message", r.message());
            }
            if (r.outcome() instanceof RunOutcome.Done d) {
                o.put("tokens", d.tokens());
                o.set("result", adreview.review.result.Results.toJson(d.result()));
            } else if (r.outcome() instanceof RunOutcome.Failed f) {
                o.put("raw_text", f.rawText());
            }
        }
        ObjectNode s = n.putObject("summary");
        s.put("runs", report.runs());
        for (BatchResult.Kind k : BatchResult.Kind.values()) {
            s.put(k.name().toLowerCase(Locale.ROOT), report.count(k));
        }
        s.put("wall_ms", report.wallMillis());
        s.put("runs_per_minute", Math.round(report.runsPerMinute() * 10) / 10.0);
        s.put("median_ms", report.medianMillis());
        return n;
    }
}
