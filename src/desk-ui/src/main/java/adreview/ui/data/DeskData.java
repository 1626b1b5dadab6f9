package adreview.ui.data;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The desk's read access to the pipeline database, as the browsing UI needs it. Every method may
 * block (it talks to the database): call it only from the background executor.
 */
public interface DeskData {

    /** All variants, newest first, with their latest Stage 1 score and Stage 2 verdict. */
    List<VariantSummary> listVariants();

    /** One variant with its metadata and both image locations; empty if the id is unknown. */
    Optional<VariantDetail> findVariant(UUID variantId);

    /** Traces of the variant and those of its job without a variant id, newest first. */
    List<TraceEntry> traces(UUID variantId, UUID jobId);

    /** The reviewer decisions on the variant, newest first (none where the database has no decisions table). */
    default List<DecisionEntry> decisions(UUID variantId) {
        return List.of();
    }

    /**
     * The ad copy Stage 1 would use for the job: {@code typed} when not blank, else the newest done
     * generated copy of the job, else the job brief, else none.
     */
    ResolvedAdCopy resolveAdCopy(UUID jobId, String typed);
}
