package adreview.store;

/**
 * Which overlay layout of a variant counts when it has several (a re-rendered ad): the newest.
 * Newest is the greatest {@code created_at} where the pipeline's {@code overlay_layouts} has that
 * column (the desk's own schema does; SPEC section 1 does not promise it). Without it, the row
 * written last: the smallest {@code age(xmin)}, i.e. the youngest inserting (or updating)
 * transaction, exact unless rows are older than about two billion transactions. Ties go to the
 * greatest {@code overlay_id}, so the choice is stable.
 */
final class OverlayOrder {

    private OverlayOrder() {
    }

    /** An ORDER BY list, newest first, for the table under {@code alias}. */
    static String newestFirst(Database database, String alias) {
        return database.hasColumn("overlay_layouts", "created_at")
                ? alias + ".created_at DESC NULLS LAST, " + alias + ".overlay_id DESC"
                : "age(" + alias + ".xmin), " + alias + ".overlay_id DESC";
    }
}
