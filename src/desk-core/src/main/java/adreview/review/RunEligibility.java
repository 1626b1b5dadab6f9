package adreview.review;

import adreview.review.prompt.Prompt;
import adreview.store.PipelineStep;
import adreview.store.VariantStatus;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which variant states a pipeline run (not a re-judge) may start from: the one table the review
 * service, the CLI and the desk use, and that the README repeats.
 *
 * <pre>
 * stage | may start from (step/status)                              | sets
 * 1     | img_gen/done, vlm_analyze/queued, vlm_analyze/failed      | vlm_analyze/running
 * 2     | overlay/done, vlm_judge/queued, vlm_judge/failed          | vlm_judge/running
 * </pre>
 *
 * Anything else would rewind the pipeline (a variant already past the step would be judged again
 * and its next steps triggered twice), take over another service's {@code running}, or run on
 * inputs that do not exist yet; such runs are refused before anything is written. A re-judge
 * may run in any state: it only stores a trace.
 */
public enum RunEligibility {

    STAGE1(1, PipelineStep.VLM_ANALYZE, List.of(
            new From(PipelineStep.IMG_GEN, VariantStatus.DONE),
            new From(PipelineStep.VLM_ANALYZE, VariantStatus.QUEUED),
            new From(PipelineStep.VLM_ANALYZE, VariantStatus.FAILED))),
    STAGE2(2, PipelineStep.VLM_JUDGE, List.of(
            new From(PipelineStep.OVERLAY, VariantStatus.DONE),
            new From(PipelineStep.VLM_JUDGE, VariantStatus.QUEUED),
            new From(PipelineStep.VLM_JUDGE, VariantStatus.FAILED)));

    /** One state a run may start from. */
    public record From(PipelineStep step, VariantStatus status) {
        @Override
        public String toString() {
            return step.dbValue() + "/" + status.dbValue();
        }
    }

    private final int number;
    private final PipelineStep runStep;
    private final List<From> startsFrom;

    RunEligibility(int number, PipelineStep runStep, List<From> startsFrom) {
        this.number = number;
        this.runStep = runStep;
        this.startsFrom = startsFrom;
    }

    public static RunEligibility of(Prompt.Stage stage) {
        return stage == Prompt.Stage.STAGE2 ? STAGE2 : STAGE1;
    }

    /** 1 or 2. */
    public int number() {
        return number;
    }

    /** The step a run sets to {@code running}, then {@code done} or {@code failed}. */
    public PipelineStep runStep() {
        return runStep;
    }

    public List<From> startsFrom() {
        return startsFrom;
    }

    /** True when a pipeline run may start on a variant at {@code step/status} (the column values). */
    public boolean allows(String step, String status) {
        return startsFrom.stream().anyMatch(f -> f.step().dbValue().equals(step) && f.status().dbValue().equals(status));
    }

    /** "img_gen/done, vlm_analyze/queued or vlm_analyze/failed". */
    public String startStates() {
        List<String> all = startsFrom.stream().map(From::toString).toList();
        return all.subList(0, all.size() - 1).stream().collect(Collectors.joining(", ")) + " or " + all.get(all.size() - 1);
    }

    /**
     * The one-line refusal: names the state and says how to re-judge instead, e.g. "Stage 1 refused for
     * variant …: it is at ocr_eval/done, and a pipeline Stage 1 starts only from img_gen/done, … To judge it
     * without changing its state, re-judge it (judge --stage 1 --rejudge; Shift+1 in the desk)."
     */
    public String refusal(UUID variantId, String step, String status) {
        return "Stage " + number + " refused for variant " + variantId + ": it is at " + step + "/" + status
                + ", and a pipeline Stage " + number + " starts only from " + startStates()
                + ". To judge it without changing its state, re-judge it (judge --stage " + number
                + " --rejudge; Shift+" + number + " in the desk).";
    }
}
