package adreview.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Jobs with their brief. {@code desc_kor} is optional in the pipeline, so it is read without naming the column. */
public final class JobRepository {

    private static final String SELECT = """
            SELECT j.job_id, j.tenant_id, j.status, j.current_step, j.created_at, j.updated_at,
                   ji.desc_eng, to_jsonb(ji) ->> 'desc_kor' AS desc_kor
              FROM jobs j
              LEFT JOIN job_inputs ji ON ji.job_id = j.job_id
            """;

    private final Database database;

    public JobRepository(Database database) {
        this.database = database;
    }

    /** One job. */
    public Optional<Job> find(UUID jobId) {
        return database.withConnection(c -> find(c, jobId));
    }

    /** As {@link #find(UUID)} on the caller's connection. */
    public Optional<Job> find(Connection connection, UUID jobId) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(SELECT + " WHERE j.job_id = ?")) {
            st.setObject(1, jobId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(job(rs)) : Optional.empty();
            }
        }
    }

    /** Every job, newest first (for a job filter). */
    public List<Job> list() {
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(SELECT + " ORDER BY j.created_at DESC, j.job_id");
                 ResultSet rs = st.executeQuery()) {
                List<Job> jobs = new ArrayList<>();
                while (rs.next()) {
                    jobs.add(job(rs));
                }
                return jobs;
            }
        });
    }

    private static Job job(ResultSet rs) throws SQLException {
        return new Job(Rows.uuid(rs, "job_id"), rs.getString("tenant_id"), rs.getString("status"),
                rs.getString("current_step"), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"),
                rs.getString("desc_eng"), rs.getString("desc_kor"));
    }
}
