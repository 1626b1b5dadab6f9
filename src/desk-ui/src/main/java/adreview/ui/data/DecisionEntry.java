package adreview.ui.data;

import java.time.Instant;

/**
 * One reviewer decision as the history shows it (kept apart from model traces).
 *
 * @param verdict "Accept", "Needs fix" or "Reject"
 * @param comment null when the reviewer gave none
 */
public record DecisionEntry(Instant time, String verdict, String reviewer, String comment) {
}
