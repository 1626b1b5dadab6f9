package adreview.app.cli;

import adreview.app.DeskContext;
import adreview.app.Main;
import adreview.app.ReviewWiring;
import adreview.review.Cancellation;
import adreview.review.CancellationGroup;
import adreview.review.ResultNotStoredException;
import adreview.review.ReviewModel;
import adreview.review.RunOutcome;
import adreview.review.RunRequest;
import adreview.review.StageRefusedException;
import adreview.review.prompt.Prompt;
import adreview.review.result.Results;
import adreview.review.result.Stage1Result;
import adreview.review.result.Stage2Result;
import adreview.store.VariantFilter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code judge}: runs Stage 1 or Stage 2 on one variant (SPEC §2–§4), or on several ({@code --variant} more than
 * once, or a filter) as a batch with the configured concurrency ({@link JudgeBatch}). Exit codes: 0 done; 1 failed
 * (model, image or answer; the trace holds the error) or the result could not be stored; 2 refused before anything
 * was written (a state the stage may not start from, see {@link adreview.review.RunEligibility}; unknown
 * variant; no image file or render here; no usable model or server); 3 superseded (the variant moved during the
 * run: the trace is stored, the variant left alone); 130 / 143 stopped by Ctrl-C / SIGTERM (recorded as failed).
 * A batch exits with the most serious of its runs' codes: 130/143, then 1, 2, 3, and 0 only when every run was done.
 */
@Command(name = "judge", mixinStandardHelpOptions = true,
        description = {"Run Stage 1 or Stage 2 on a variant, or on several (--variant more than once, or --status/--step/--job)"
                + " with the configured concurrency, and store the traces.",
                "A pipeline run starts only from: Stage 1 img_gen/done, vlm_analyze/queued, vlm_analyze/failed;"
                        + " Stage 2 overlay/done, vlm_judge/queued, vlm_judge/failed. --rejudge runs in any state.",
                "Exit 0 done, 1 failed, 2 refused, 3 superseded, 130/143 Ctrl-C/SIGTERM; a batch: the most serious of its"
                        + " runs (130/143, then 1, 2, 3; 0 only when all were done)."})
public final class JudgeCommand implements Callable<Integer> {

    public static final int DONE = 0;
    public static final int FAILED = 1;
    public static final int REFUSED = 2;
    public static final int SUPERSEDED = 3;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--stage", required = true, paramLabel = "1|2", description = "1: image vs ad copy; 2: the finished ad.")
    int stage;

    @Option(names = "--variant", paramLabel = "ID", split = ",",
            description = "jobs_variants.job_variants_id, whole or its first 8+ characters; more than once (or comma-separated) for a batch.")
    List<String> variants = new ArrayList<>();

    @Option(names = "--status", paramLabel = "STATUS", description = "A batch of the variants with this status (with --step, --job).")
    String status;

    @Option(names = "--step", paramLabel = "STEP", description = "A batch of the variants at this step (with --status, --job).")
    String step;

    @Option(names = "--job", paramLabel = "JOB_ID",
            description = "A batch of this job's variants (with --status, --step); whole id or its first 8+ characters.")
    String job;

    @Option(names = "--ad-copy", paramLabel = "TEXT", description = "Stage 1: use this ad copy instead of the stored one.")
    String adCopy;

    @Option(names = "--render-url", paramLabel = "URL", description = "Stage 2: judge this render instead of the stored one.")
    String renderUrl;

    @Option(names = "--prompt", paramLabel = "TEXT", description = "An edited prompt for this run ({ad_copy} is filled in).")
    String prompt;

    @Option(names = "--prompt-version", paramLabel = "VERSION",
            description = "A shipped prompt version: stage1-v1 (default), stage1-v2; stage2-v1 (default), stage2-v2.")
    String promptVersion;

    @Option(names = "--rejudge", description = "Re-judge: store a trace, leave the variant's status and step alone.")
    boolean rejudge;

    @Option(names = "--reviewer", paramLabel = "NAME", description = "Who re-judges (default: the OS user).")
    String reviewer = System.getProperty("user.name");

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (re-judges).")
    String reason;

    @Option(names = "--free-text", description = "Decode without the JSON schema constraint; read the answer with the tolerant parser.")
    boolean freeText;

    @Option(names = "--json", description = "Print the outcome as JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (stage != 1 && stage != 2) {
            throw new ParameterException(spec.commandLine(), "--stage must be 1 or 2, got " + stage);
        }
        boolean filtered = status != null || step != null || job != null;
        if (variants.isEmpty() && !filtered) {
            throw new ParameterException(spec.commandLine(), "name a variant with --variant ID, or a batch with --variant "
                    + "more than once or --status / --step / --job");
        }
        // The ids are resolved in the store once the database is open (IdResolver): a prefix needs the rows.
        if (variants.size() == 1 && !filtered) {
            return runOne(variants.get(0));
        }
        return new JudgeBatch(this, spec.commandLine().getOut(), spec.commandLine().getErr()).run(variants, job,
                VariantFilter.ALL.withStatus(lower(status)).withStep(lower(step)), filtered);
    }

    /** The run this command describes, for one variant. */
    RunRequest request(UUID variantId) {
        Prompt.Stage s = stage == 1 ? Prompt.Stage.STAGE1 : Prompt.Stage.STAGE2;
        return (rejudge ? RunRequest.rejudge(s, variantId, reviewer, reason) : RunRequest.pipeline(s, variantId))
                .withAdCopy(adCopy).withRenderUrl(renderUrl).withPrompt(prompt).withPromptVersion(promptVersion)
                .withConstrained(!freeText);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private Integer runOne(String typedVariant) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CancellationGroup runs = new CancellationGroup();
        Cancellation cancellation = runs.newMember();
        RunOutcome outcome;
        Integer signalled;
        UUID variantId;
        try (DeskContext context = main.openContext()) {
            variantId = context.ids().variant(typedVariant);
            RunRequest request = request(variantId);
            ReviewModel model = main.model(context.config());
            RunSignals signals = RunSignals.install(runs, err);
            try (ProgressPrinter progress = ProgressPrinter.onStderr()) {
                outcome = ReviewWiring.reviewService(context, model).run(request, progress, cancellation);
            } finally {
                signals.runEnded();
            }
            signalled = signals.exitCode();
        } catch (StageRefusedException e) {
            err.println("refused: " + oneLine(e.getMessage()));
            err.flush();
            return REFUSED;
        } catch (ResultNotStoredException e) {
            err.println("error: " + oneLine(e.getMessage()));
            err.flush();
            return FAILED;
        }
        print(out, variantId, outcome);
        out.flush();
        if (signalled != null) {
            err.println("cancelled: " + oneLine(cancellation.reason()) + (outcome instanceof RunOutcome.Failed f
                    ? "; recorded as failed, trace " + f.trace().traceId() : "; nothing was written"));
            err.flush();
            return signalled;
        }
        if (outcome instanceof RunOutcome.Failed f) {
            err.println("failed: " + oneLine(f.error()));
            err.flush();
            return FAILED;
        }
        if (outcome instanceof RunOutcome.Superseded sup) {
            err.println("superseded: " + oneLine(sup.message()));
            err.flush();
            return SUPERSEDED;
        }
        return outcome instanceof RunOutcome.Done ? DONE : FAILED;
    }

    Main main() {
        return main;
    }

    int stage() {
        return stage;
    }

    boolean rejudge() {
        return rejudge;
    }

    boolean json() {
        return json;
    }

    private void print(PrintWriter out, UUID variantId, RunOutcome outcome) {
        if (json) {
            ObjectNode n = CliJson.MAPPER.createObjectNode();
            n.put("variant_id", variantId.toString());
            n.put("stage", stage);
            n.put("rejudge", rejudge);
            if (outcome instanceof RunOutcome.Done d) {
                n.put("outcome", "done");
                n.put("trace_id", d.trace().traceId().toString());
                n.put("latency_ms", d.latencyMs());
                n.put("tokens", d.tokens());
                n.set("result", Results.toJson(d.result()));
            } else if (outcome instanceof RunOutcome.Failed f) {
                n.put("outcome", "failed");
                n.put("trace_id", f.trace().traceId().toString());
                n.put("error", f.error());
                n.put("raw_text", f.rawText());
            } else if (outcome instanceof RunOutcome.Superseded sup) {
                n.put("outcome", "superseded");
                n.put("trace_id", sup.trace() == null ? null : sup.trace().traceId().toString());
                n.put("found_step", sup.foundStep());
                n.put("found_status", sup.foundStatus());
                n.put("message", sup.message());
            } else {
                RunOutcome.Cancelled c = (RunOutcome.Cancelled) outcome;
                n.put("outcome", "cancelled");
                n.put("trace_id", c.trace() == null ? null : c.trace().traceId().toString());
            }
            out.println(CliJson.pretty(n));
            return;
        }
        if (outcome instanceof RunOutcome.Done d) {
            out.println("Stage " + stage + (rejudge ? " re-judge" : "") + " done on variant " + variantId
                    + " in " + d.latencyMs() + " ms (" + d.tokens() + " tokens), trace " + d.trace().traceId());
            if (d.result() instanceof Stage1Result r) {
                out.printf(Locale.ROOT, "  relevance %.2f  valid %s  image quality %s%n", r.relevanceScore(), yes(r.isValid()),
                        r.imageQualityOk() ? "ok" : "poor");
                out.println("  analysis: " + oneLine(r.analysis()));
                r.issues().forEach(i -> out.println("  issue: " + oneLine(i)));
                r.recommendations().forEach(i -> out.println("  recommendation: " + oneLine(i)));
                if (r.font() != null) {
                    out.println("  font: " + r.font().style().wire() + ", " + r.font().size().wire() + ", " + r.font().color().wire());
                }
            } else if (d.result() instanceof Stage2Result r) {
                out.println("  on brief " + yes(r.onBrief()) + "  occlusion " + yes(r.occlusion()) + "  contrast ok "
                        + yes(r.contrastOk()) + "  call to action " + yes(r.ctaPresent()));
                out.println("  analysis: " + oneLine(r.analysis()));
                r.issues().forEach(i -> out.println("  issue: " + oneLine(i)));
            }
        } else if (outcome instanceof RunOutcome.Failed f) {
            out.println("Stage " + stage + " failed on variant " + variantId + ", trace " + f.trace().traceId());
            if (!f.rawText().isBlank()) {
                out.println("  raw answer: " + oneLine(f.rawText()));
            }
        } else if (outcome instanceof RunOutcome.Superseded sup) {
            out.println("Stage " + stage + " on variant " + variantId + " superseded (the variant is at " + sup.foundStep()
                    + "/" + sup.foundStatus() + "), trace " + (sup.trace() == null ? "-" : sup.trace().traceId()));
        } else if (outcome instanceof RunOutcome.Cancelled c) {
            out.println(c.message());
        }
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
