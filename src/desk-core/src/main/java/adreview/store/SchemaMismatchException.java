package adreview.store;

import java.util.List;

/** An external database lacks tables or columns the desk needs; {@link #missing()} names each one. */
public final class SchemaMismatchException extends StoreException {
    private final List<String> missing;

    public SchemaMismatchException(String url, List<String> missing) {
        super("database at " + url + " is missing " + String.join(", ", missing)
                + "; run once with --migrate to add them, or point --db-url at the pipeline database");
        this.missing = List.copyOf(missing);
    }

    /** Missing items, "table t" or "column t.c". */
    public List<String> missing() {
        return missing;
    }
}
