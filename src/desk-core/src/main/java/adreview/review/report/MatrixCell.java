package adreview.review.report;

/**
 * One cell of a confusion matrix: how many variants got {@code model} from the model and
 * {@code reviewer} from the reviewer (or, in a criterion or comparison table, the other side).
 */
public record MatrixCell(String model, String reviewer, long count) {
}
