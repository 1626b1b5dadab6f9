package adreview.desk;

import adreview.checks.Disagreement;
import adreview.checks.MeasuredReport;

import java.util.List;

/** The measured checks of a variant and where its latest Stage 2 answer contradicts them (empty without one). */
public record VariantMeasured(MeasuredReport report, List<Disagreement> disagreements) {

    public VariantMeasured {
        disagreements = List.copyOf(disagreements);
    }
}
