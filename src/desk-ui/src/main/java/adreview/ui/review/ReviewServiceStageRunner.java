package adreview.ui.review;

import adreview.review.Cancellation;
import adreview.review.NotEligibleException;
import adreview.review.ReviewService;
import adreview.review.RunListener;
import adreview.review.StageRefusedException;
import adreview.review.prompt.Prompt;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * The desk's {@link StageRunner}: runs go to the {@link ReviewService} (SPEC §2–§5), its progress is turned
 * into the queue's phases, and its outcomes (and refusals, which it throws) into {@link RunOutcome}s. A run
 * superseded by the pipeline shows as failed with the service's message (its trace is stored).
 */
public final class ReviewServiceStageRunner implements StageRunner {

    private final ReviewService service;

    public ReviewServiceStageRunner(ReviewService service) {
        this.service = service;
    }

    @Override
    public RunOutcome run(RunRequest request, ProgressSink progress, BooleanSupplier cancelled) {
        RunOptions o = request.options();
        adreview.review.RunRequest r = new adreview.review.RunRequest(
                request.stage() == StageKind.STAGE1 ? Prompt.Stage.STAGE1 : Prompt.Stage.STAGE2,
                request.variant().id(), o.adCopyOverride(), null, o.promptOverride(), o.rejudge(), o.reviewer(),
                o.reason(), true, adreview.review.RunRequest.MAX_NEW_TOKENS);
        adreview.review.RunOutcome outcome;
        Cancellation cancellation = cancelled instanceof Cancellation c ? c : Cancellation.restoring(cancelled);
        try {
            outcome = service.run(r, new Listener(progress), cancellation);
        } catch (NotEligibleException e) {
            return new RunOutcome.Refused(e.getMessage(), e.state(), true);
        } catch (StageRefusedException e) {
            return new RunOutcome.Refused(e.getMessage());
        }
        if (outcome instanceof adreview.review.RunOutcome.Done d) {
            return new RunOutcome.Done(StageAnswers.of(d.result()), d.trace().traceId(), d.latencyMs());
        }
        if (outcome instanceof adreview.review.RunOutcome.Failed f) {
            return new RunOutcome.Failed(f.error(), f.rawText(), f.trace() == null ? null : f.trace().traceId());
        }
        if (outcome instanceof adreview.review.RunOutcome.Superseded s) {
            return new RunOutcome.Failed(s.message(), "", s.trace() == null ? null : s.trace().traceId());
        }
        return new RunOutcome.Cancelled();
    }

    /** The review service reports the whole text so far; the queue wants the new piece of each token. */
    static final class Listener implements RunListener {
        private final ProgressSink sink;
        private int written;

        Listener(ProgressSink sink) {
            this.sink = sink;
        }

        @Override
        public void phase(String phase, double fraction) {
            String p = phase == null ? "" : phase.toLowerCase(Locale.ROOT);
            if (p.contains("loading")) {
                // "loading the model: reading shard 2 of 3" → detail "reading shard 2 of 3"
                int colon = phase.indexOf(':');
                sink.loadingModel(fraction, colon < 0 ? null : phase.substring(colon + 1).strip());
            } else if (p.contains("image")) {
                sink.preparingImage();
            } else {
                sink.readingPrompt();
            }
        }

        @Override
        public void token(int n, int max, String textSoFar) {
            String text = textSoFar == null ? "" : textSoFar;
            // Decoding may rewrite the tail (a multi-byte character completing); then resend nothing until it grows.
            String piece = text.length() >= written ? text.substring(written) : "";
            written = Math.max(written, text.length());
            sink.token(n, max, piece);
        }
    }
}
