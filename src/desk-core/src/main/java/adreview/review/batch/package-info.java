/**
 * Many stage runs at once: {@link adreview.review.batch.BatchRunner} runs a list of run requests on a bounded
 * pool through the {@link adreview.review.ReviewService} (each run its own claim), so one failure stops no other,
 * and {@link adreview.review.batch.BatchReport} sums them up. Used by {@code judge} with several variants.
 */
package adreview.review.batch;
