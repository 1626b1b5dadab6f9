package adreview.ui.data;

import java.util.List;

/** An open connection of the desk to its database: what the window uses while it is open. */
public interface DeskSession extends AutoCloseable {

    DeskData data();

    /** The effective configuration with each value's source. */
    List<ConfigEntry> configuration();

    /** One line for the status bar, e.g. "embedded PostgreSQL 16.2 at ~/.local/share/ad-review-desk/pg". */
    String databaseDescription();

    /** One line the window shows once after opening, e.g. how many interrupted runs were recovered; empty for none. */
    default String startupNotice() {
        return "";
    }

    /** The review side's parts (runs, decisions, measured checks, models); empty where the backend has none. */
    default java.util.Optional<ReviewSupport> review() {
        return java.util.Optional.empty();
    }

    /** Stops what {@link DeskBackend#open} started (pool, embedded PostgreSQL). Never throws. */
    @Override
    void close();
}
