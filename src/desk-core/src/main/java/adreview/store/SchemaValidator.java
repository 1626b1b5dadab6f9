package adreview.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks, through {@code information_schema}, that an external database has every table and column
 * the desk reads or writes (SPEC section 1, plus {@code vlm_traces.job_variants_id} and the desk's
 * own {@code desk_runs}). Used instead
 * of migrating when the desk is pointed at a pipeline database without {@code --migrate}.
 */
public final class SchemaValidator {

    /** Tables and the columns the desk uses, in SPEC order. */
    public static final Map<String, List<String>> REQUIRED = required();

    private SchemaValidator() {
    }

    private static Map<String, List<String>> required() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("jobs", List.of("job_id", "tenant_id", "status", "current_step", "created_at", "updated_at"));
        m.put("job_inputs", List.of("job_id", "desc_eng"));
        m.put("image_assets", List.of("image_asset_id", "image_url", "created_at"));
        m.put("jobs_variants", List.of("job_variants_id", "job_id", "img_asset_id", "overlaid_img_asset_id",
                "status", "current_step", "updated_at"));
        m.put("txt_ad_copy_generations", List.of("job_id", "generation_stage", "ad_copy_eng", "status",
                "created_at"));
        m.put("overlay_layouts", List.of("overlay_id", "job_variants_id", "layout"));
        m.put("vlm_traces", List.of("vlm_trace_id", "job_id", "provider", "operation_type", "request",
                "response", "latency_ms", "created_at", "updated_at", "job_variants_id"));
        // The desk's own run claims (V11): every process recovers dead runs when it opens the database.
        m.put("desk_runs", List.of("run_id", "job_variants_id", "job_id", "stage", "expected_step", "from_step",
                "from_status", "host", "pid", "started_at", "heartbeat_at", "finished_at", "outcome", "detail",
                "request", "partial_text", "vlm_trace_id"));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** What is missing, "table t" or "column t.c"; empty when the schema is usable. */
    public static List<String> missing(Connection connection) throws SQLException {
        Map<String, Set<String>> present = new HashMap<>();
        String sql = "SELECT table_name, column_name FROM information_schema.columns "
                + "WHERE table_schema = ANY (current_schemas(false)) AND table_name = ANY (?)";
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setArray(1, connection.createArrayOf("text", REQUIRED.keySet().toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    present.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                }
            }
        }
        List<String> missing = new ArrayList<>();
        REQUIRED.forEach((table, columns) -> {
            Set<String> have = present.get(table);
            if (have == null) {
                missing.add("table " + table);
                return;
            }
            for (String column : columns) {
                if (!have.contains(column)) {
                    missing.add("column " + table + "." + column);
                }
            }
        });
        return missing;
    }

    /** Throws {@link SchemaMismatchException} naming everything missing. */
    public static void validate(Database database) {
        List<String> missing = database.withConnection(SchemaValidator::missing);
        if (!missing.isEmpty()) {
            throw new SchemaMismatchException(database.url(), missing);
        }
    }
}
