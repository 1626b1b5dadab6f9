package adreview.store.report;

import java.util.ArrayList;
import java.util.List;

/** A statement being written and its parameters, added in the order their {@code ?} appear. */
final class Sql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    Sql add(String sql) {
        text.append(sql);
        return this;
    }

    /** Appends {@code sql} (with one {@code ?}) and its value. */
    Sql add(String sql, Object param) {
        text.append(sql);
        params.add(param);
        return this;
    }

    /** Appends {@code " AND " + condition} with its value when the value is not null. */
    Sql andIf(Object value, String condition) {
        if (value != null) {
            add(" AND " + condition, value);
        }
        return this;
    }

    String text() {
        return text.toString();
    }

    List<Object> params() {
        return params;
    }

    /** A SQL string literal of a constant (never of user input: those are parameters). */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
