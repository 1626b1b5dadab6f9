package adreview.review.report;

import adreview.review.prompt.Prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What agreeing means for one kind of table: the labels of the two sides, in display order, and which
 * labels of each side are the "yes" that the other side's "yes" agrees with. Kappa is taken over the
 * yes/no table, so a three-way reviewer verdict (accept / fix / reject) meets a two-way model verdict.
 *
 * <ul>
 * <li>{@link #STAGE1}: {@code is_valid: true} ("valid") agrees with accept; "invalid" with fix or reject.</li>
 * <li>{@link #STAGE2}: the model passes an ad ("pass") when {@code on_brief && !occlusion && contrast_ok
 *     && cta_present}; pass agrees with accept, "fail" with fix or reject.</li>
 * <li>{@link #FLAGS}: one criterion; "problem" on one side agrees with "problem" on the other.</li>
 * <li>{@link #SIDES}: two runs of the model against each other (yes = valid / pass).</li>
 * </ul>
 */
public record Pairing(List<String> modelLabels, List<String> otherLabels, Set<String> modelYes, Set<String> otherYes) {

    public static final String ACCEPT = "accept";
    public static final String FIX = "fix";
    public static final String REJECT = "reject";
    public static final String PROBLEM = "problem";
    public static final String OK = "ok";

    public static final Pairing STAGE1 = new Pairing(List.of("valid", "invalid"), List.of(ACCEPT, FIX, REJECT),
            Set.of("valid"), Set.of(ACCEPT));
    public static final Pairing STAGE2 = new Pairing(List.of("pass", "fail"), List.of(ACCEPT, FIX, REJECT),
            Set.of("pass"), Set.of(ACCEPT));
    public static final Pairing FLAGS = new Pairing(List.of(PROBLEM, OK), List.of(PROBLEM, OK),
            Set.of(PROBLEM), Set.of(PROBLEM));
    public static final Pairing SIDES = new Pairing(List.of("yes", "no"), List.of("yes", "no"), Set.of("yes"), Set.of("yes"));

    public Pairing {
        modelLabels = List.copyOf(modelLabels);
        otherLabels = List.copyOf(otherLabels);
        modelYes = Set.copyOf(modelYes);
        otherYes = Set.copyOf(otherYes);
    }

    /** The model-versus-reviewer pairing of a stage. */
    public static Pairing forStage(Prompt.Stage stage) {
        return stage == Prompt.Stage.STAGE1 ? STAGE1 : STAGE2;
    }

    /** The model's label for a yes/no verdict: valid/invalid, pass/fail, problem/ok, yes/no. */
    public String modelLabel(boolean yes) {
        return modelLabels.get(yes ? 0 : 1);
    }

    public boolean agrees(String model, String other) {
        return modelYes.contains(model) == otherYes.contains(other);
    }

    /**
     * The agreement of counted cells (as the database grouped them); labels outside this pairing are
     * ignored, missing combinations count 0.
     */
    public Agreement tally(List<MatrixCell> cells) {
        long[][] yesNo = new long[2][2];
        List<MatrixCell> matrix = new ArrayList<>();
        long total = 0;
        long agree = 0;
        for (String m : modelLabels) {
            for (String o : otherLabels) {
                long n = cells.stream().filter(c -> c.model().equals(m) && c.reviewer().equals(o))
                        .mapToLong(MatrixCell::count).sum();
                matrix.add(new MatrixCell(m, o, n));
                yesNo[modelYes.contains(m) ? 0 : 1][otherYes.contains(o) ? 0 : 1] += n;
                total += n;
                if (agrees(m, o)) {
                    agree += n;
                }
            }
        }
        return new Agreement(total, agree, total == 0 ? Double.NaN : (double) agree / total, CohenKappa.of(yesNo), matrix);
    }
}
