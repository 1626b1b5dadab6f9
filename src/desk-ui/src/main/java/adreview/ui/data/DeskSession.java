package adreview.ui.data;

import java.util.List;

/** An open connection of the desk to its database: what the window uses while it is open. */
public interface DeskSession extends AutoCloseable {

    DeskData data();

    /** The effective configuration with each value's source. */
    List<ConfigEntry> configuration();

    /** One line for the status bar, e.g. "embedded PostgreSQL 16.2 at ~/.local/share/ad-review-desk/pg". */
    String databaseDescription();

    /** The review side's parts (runs, decisions, measured checks, models); empty where the backend has none. */
    default java.util.Optional<ReviewSupport> review() {
        return java.util.Optional.empty();
    }

    /** The agreement report's queries on this database; empty where the backend has none. */
    default java.util.Optional<adreview.review.report.AgreementQueries> reports() {
        return java.util.Optional.empty();
    }

    /** Stops what {@link DeskBackend#open} started (pool, embedded PostgreSQL). Never throws. */
    @Override
    void close();
}
