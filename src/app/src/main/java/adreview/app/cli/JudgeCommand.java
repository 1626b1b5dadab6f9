package adreview.app.cli;

import adreview.app.DeskContext;
import adreview.app.Main;
import adreview.app.ReviewWiring;
import adreview.review.Cancellation;
import adreview.review.ResultNotStoredException;
import adreview.review.ReviewModel;
import adreview.review.RunOutcome;
import adreview.review.RunRequest;
import adreview.review.StageRefusedException;
import adreview.review.prompt.Prompt;
import adreview.review.result.Results;
import adreview.review.result.Stage1Result;
import adreview.review.result.Stage2Result;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code judge}: runs Stage 1 or Stage 2 on one variant (SPEC §2–§4). Exit codes: 0 done; 1 failed (model,
 * image or answer; the trace holds the error) or the result could not be stored; 2 refused before anything
 * was written (a state the stage may not start from, see {@link adreview.review.RunEligibility}; unknown
 * variant; no image file or render here; no usable model); 3 superseded (the variant moved during the run:
 * the trace is stored, the variant left alone); 130 / 143 stopped by Ctrl-C / SIGTERM (recorded as failed).
 */
@Command(name = "judge", mixinStandardHelpOptions = true,
        description = {"Run Stage 1 or Stage 2 on a variant and store the trace.",
                "A pipeline run starts only from: Stage 1 img_gen/done, vlm_analyze/queued, vlm_analyze/failed;"
                        + " Stage 2 overlay/done, vlm_judge/queued, vlm_judge/failed. --rejudge runs in any state.",
                "Exit 0 done, 1 failed, 2 refused, 3 superseded, 130/143 Ctrl-C/SIGTERM."})
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

    @Option(names = "--variant", required = true, paramLabel = "ID", description = "jobs_variants.job_variants_id (UUID).")
    String variant;

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
        UUID variantId = uuid(variant, "variant");
        Prompt.Stage s = stage == 1 ? Prompt.Stage.STAGE1 : Prompt.Stage.STAGE2;
        RunRequest request = (rejudge ? RunRequest.rejudge(s, variantId, reviewer, reason) : RunRequest.pipeline(s, variantId))
                .withAdCopy(adCopy).withRenderUrl(renderUrl).withPrompt(prompt).withPromptVersion(promptVersion)
                .withConstrained(!freeText);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Cancellation cancellation = Cancellation.manual();
        RunOutcome outcome;
        Integer signalled;
        try (DeskContext context = main.openContext()) {
            ReviewModel model = main.model(context.config());
            RunSignals signals = RunSignals.install(cancellation, err);
            try {
                outcome = ReviewWiring.reviewService(context, model).run(request, null, cancellation);
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

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    static UUID uuid(String value, String what) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not a " + what + " id (a UUID); `list` shows variant ids");
        }
    }
}
