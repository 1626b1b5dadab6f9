package adreview.review.report;

import java.util.List;

/**
 * How often two sides agree over a set of variants.
 *
 * @param total     pairs counted (variants with a verdict on both sides)
 * @param agree     pairs where they agree
 * @param agreement agree ÷ total; NaN when total is 0
 * @param kappa     Cohen's kappa of the agree/disagree categories ({@link Pairing})
 * @param matrix    every combination of the two sides' labels in a fixed order, zeros included
 */
public record Agreement(long total, long agree, double agreement, Kappa kappa, List<MatrixCell> matrix) {

    public Agreement {
        matrix = List.copyOf(matrix);
    }

    /** The count of one cell (0 when absent). */
    public long count(String model, String other) {
        return matrix.stream().filter(c -> c.model().equals(model) && c.reviewer().equals(other))
                .mapToLong(MatrixCell::count).sum();
    }
}
