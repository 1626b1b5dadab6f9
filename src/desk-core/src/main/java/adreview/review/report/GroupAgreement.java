package adreview.review.report;

/** The agreement of one group of a grouped report, e.g. prompt version {@code stage1-v2}. */
public record GroupAgreement(String group, Agreement agreement) {
}
