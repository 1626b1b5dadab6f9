package adreview.review.report;

import java.time.LocalDate;

/** Pairs decided on one day (in the report's time zone) and how many of them agree: the chart over time. */
public record DayAgreement(LocalDate day, long total, long agree) {

    public double agreement() {
        return total == 0 ? Double.NaN : (double) agree / total;
    }
}
