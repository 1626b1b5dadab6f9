package adreview.desk;

import adreview.checks.MeasuredReport;
import adreview.review.Cancellation;
import adreview.review.RunListener;
import adreview.review.RunOutcome;
import adreview.review.RunRequest;
import adreview.review.decision.ReviewerDecision;
import adreview.review.decision.Verdict;
import adreview.review.report.AgreementQueries;
import adreview.store.AdCopy;
import adreview.store.AssetLocation;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything the desk's window asks of the rest of the program, in one place. Every method may block (database,
 * files, the model): call it off the JavaFX thread. Errors are exceptions whose message is one sentence for a
 * person ({@link adreview.desk.Problems#describe} words any other).
 */
public interface DeskService extends AutoCloseable {

    // ---- the database and the configuration ----

    /** One line for the status bar, e.g. "embedded PostgreSQL in ~/.local/share/ad-review-desk/pg". */
    String databaseDescription();

    /** Dead runs of earlier processes recovered when the desk opened the database (issue: run claims). */
    int recoveredRuns();

    /** The effective configuration with each value's source; secrets masked. */
    List<DeskSetting> settings();

    // ---- variants ----

    /** All variants, newest first, with their latest pipeline results and current reviewer decision. */
    List<ListedVariant> variants();

    /** One variant with its job, images, ad copy, traces and decisions; empty when the id is unknown. */
    Optional<VariantDetail> detail(UUID variantId);

    /** The ad copy Stage 1 would use for the job: {@code typed} when not blank, else generated copy, else brief. */
    AdCopy adCopy(UUID jobId, String typed);

    /** Where an image URL of the pipeline points on this machine. */
    AssetLocation locate(String imageUrl);

    // ---- review ----

    /**
     * Runs one stage on one variant and stores its trace (see {@code ReviewService#run}).
     *
     * @throws adreview.review.StageRefusedException when the run may not start; nothing was changed
     */
    RunOutcome run(RunRequest request, RunListener listener, Cancellation cancellation);

    /** Appends a reviewer decision (the table is append-only). */
    ReviewerDecision decide(UUID variantId, Verdict verdict, String comment, String reviewer, UUID traceId);

    /**
     * Takes a decision back: appends a retraction row naming it (the table stays append-only); the variant's current
     * decision is then the newest one not retracted.
     */
    ReviewerDecision retract(UUID decisionId, String reviewer);

    /** The measured checks of the variant and where the latest Stage 2 answer contradicts them. */
    VariantMeasured measure(UUID variantId);

    // ---- the model ----

    /** Whether runs can start now, and if not, what is missing and how to get it. Touches files only. */
    ModelStatus modelStatus();

    /** The model folders of this machine: listing and downloads (the Models window). */
    ModelLibrary models();

    /** The agreement report's queries (model verdicts against reviewer decisions) on this database. */
    AgreementQueries reports();

    /**
     * Runs on {@code folder} from now on (queued runs are the caller's to cancel) and remembers it for the next start.
     *
     * @return where the choice was saved, or why it was not, in one line
     */
    String useModel(Path folder);

    /** The model folder runs use now. */
    Path modelInUse();

    /** Stops what the desk started (heartbeats, pool, embedded PostgreSQL). Never throws. */
    @Override
    void close();
}
