package adreview.app.cli;

import adreview.app.DeskContext;
import adreview.app.Main;
import adreview.app.ReviewWiring;
import adreview.review.ModelUnavailableException;
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
 * {@code judge}: runs Stage 1 or Stage 2 on one variant (SPEC §2–§4). Exit 0 when the run is done,
 * 2 when it was refused (Stage 2 precondition, unknown variant, nothing to judge), 1 when it failed
 * (model, image or answer; the trace holds the error) or no model is available.
 */
@Command(name = "judge", mixinStandardHelpOptions = true,
        description = "Run Stage 1 or Stage 2 on a variant and store the trace. Exit 0 done, 2 refused, 1 failed.")
public final class JudgeCommand implements Callable<Integer> {

    public static final int REFUSED = 2;

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
        RunOutcome outcome;
        try (DeskContext context = main.openContext()) {
            ReviewModel model = ReviewWiring.model(context.config());
            outcome = ReviewWiring.reviewService(context, model).run(request, null, null);
        } catch (StageRefusedException e) {
            err.println("refused: " + e.getMessage());
            err.flush();
            return REFUSED;
        } catch (ModelUnavailableException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 1;
        }
        print(out, variantId, outcome);
        out.flush();
        if (outcome instanceof RunOutcome.Failed f) {
            err.println("failed: " + oneLine(f.error()));
            err.flush();
            return 1;
        }
        return outcome instanceof RunOutcome.Done ? 0 : 1;
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
            } else {
                n.put("outcome", "cancelled");
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
