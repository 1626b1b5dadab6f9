package adreview.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Resolves the ad copy of Stage 1 (SPEC section 2, step 3), first hit wins: the reviewer's typed
 * text; the job's newest done {@code txt_ad_copy_generations.ad_copy_eng}
 * ({@code generation_stage='ad_copy_eng'}); {@code job_inputs.desc_eng}; none. Blank texts do not count.
 */
public final class AdCopyResolver {

    private static final String GENERATED = """
            SELECT ad_copy_eng FROM txt_ad_copy_generations
             WHERE job_id = ? AND generation_stage = 'ad_copy_eng' AND status = 'done'
               AND ad_copy_eng IS NOT NULL AND btrim(ad_copy_eng) <> ''
             ORDER BY created_at DESC
             LIMIT 1
            """;
    private static final String BRIEF = """
            SELECT desc_eng FROM job_inputs
             WHERE job_id = ? AND desc_eng IS NOT NULL AND btrim(desc_eng) <> ''
            """;

    private final Database database;

    public AdCopyResolver(Database database) {
        this.database = database;
    }

    /** Resolves for the job; {@code typed} may be null or blank. */
    public AdCopy resolve(UUID jobId, String typed) {
        if (hasText(typed)) {
            return new AdCopy(typed.strip(), AdCopySource.TYPED);
        }
        return database.withConnection(c -> resolve(c, jobId, null));
    }

    /** As {@link #resolve(UUID, String)} on the caller's connection. */
    public AdCopy resolve(Connection connection, UUID jobId, String typed) throws SQLException {
        if (hasText(typed)) {
            return new AdCopy(typed.strip(), AdCopySource.TYPED);
        }
        String generated = first(connection, GENERATED, jobId);
        if (generated != null) {
            return new AdCopy(generated.strip(), AdCopySource.GENERATED_COPY);
        }
        String brief = first(connection, BRIEF, jobId);
        if (brief != null) {
            return new AdCopy(brief.strip(), AdCopySource.JOB_BRIEF);
        }
        return AdCopy.NONE;
    }

    private static String first(Connection connection, String sql, UUID jobId) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setObject(1, jobId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
