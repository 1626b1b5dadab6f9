package adreview.review.result;

/**
 * A parsed model answer: Stage 1 (does the image fit the copy) or Stage 2 (the finished ad). The records are the
 * desk's one vocabulary for results, from the trace's JSON ({@link Results}, the only place that reads or writes
 * it) to the screen.
 */
public sealed interface StageResult permits Stage1Result, Stage2Result {
}
