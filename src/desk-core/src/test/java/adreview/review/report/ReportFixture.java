package adreview.review.report;

import adreview.store.TestDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Rows for the report tests, written the way the pipeline and the desk write them, at chosen times
 * (UTC): jobs, variants, analyze / judge traces with their request's prompt version and model,
 * decisions and retractions.
 */
final class ReportFixture {

    static final ObjectMapper JSON = new ObjectMapper();

    private final TestDatabase db;

    ReportFixture(TestDatabase db) {
        this.db = db;
    }

    static OffsetDateTime at(String utc) {
        return OffsetDateTime.parse(utc.replace(' ', 'T') + "Z");
    }

    UUID job(String tenant) {
        UUID id = UUID.randomUUID();
        exec("INSERT INTO jobs (job_id, tenant_id, status, current_step) VALUES (?, ?, 'running', 'vlm_judge')", id, tenant);
        return id;
    }

    /** A variant whose image is {@code /assets/t/<name>.png}. */
    UUID variant(UUID job, String name) {
        UUID asset = UUID.randomUUID();
        exec("INSERT INTO image_assets (image_asset_id, image_url) VALUES (?, ?)", asset, "/assets/t/" + name + ".png");
        UUID id = UUID.randomUUID();
        exec("INSERT INTO jobs_variants (job_variants_id, job_id, img_asset_id, current_step, status) "
                + "VALUES (?, ?, ?, 'ocr_eval', 'done')", id, job, asset);
        return id;
    }

    /** What produced a trace: prompt version (null: none recorded), model folder / precision (null: none), backend (null: none). */
    record Run(String prompt, String folder, String precision, String backend, boolean rejudge) {
        static Run pipeline(String prompt, String folder, String precision) {
            return new Run(prompt, folder, precision, null, false);
        }

        Run onBackend(String name) {
            return new Run(prompt, folder, precision, name, rejudge);
        }

        Run rejudged() {
            return new Run(prompt, folder, precision, backend, true);
        }
    }

    private static ObjectNode request(Run run) {
        ObjectNode request = JSON.createObjectNode();
        if (run.prompt() != null) {
            request.put("prompt_version", run.prompt());
        }
        if (run.folder() != null) {
            ObjectNode model = request.putObject("model");
            model.put("folder", run.folder());
            model.put("precision", run.precision());
            model.put("device", "cpu");
        }
        if (run.backend() != null) {
            request.put("backend", run.backend());
        }
        request.put("rejudge", run.rejudge());
        return request;
    }

    /** A Stage 1 trace naming its variant; {@code valid} null stores a failed call. */
    UUID analyze(UUID job, UUID variant, String at, Run run, Boolean valid, Consumer<ObjectNode> more) {
        ObjectNode response = JSON.createObjectNode();
        if (valid == null) {
            response.put("error", "model failed");
            response.put("raw_text", "");
        } else {
            response.put("is_valid", valid);
            response.put("image_quality_ok", true);
            response.put("relevance_score", valid ? 0.9 : 0.2);
            response.put("analysis", "...");
        }
        if (more != null) {
            more.accept(response);
        }
        return trace(job, variant, "analyze", at, request(run), response);
    }

    /** The pipeline's older kind of Stage 1 trace: names only its job and the image URL. */
    UUID legacyAnalyze(UUID job, String imageName, String at, boolean valid) {
        ObjectNode request = JSON.createObjectNode();
        request.put("asset_url", "/assets/t/" + imageName + ".png");
        ObjectNode response = JSON.createObjectNode();
        response.put("is_valid", valid);
        return trace(job, null, "analyze", at, request, response);
    }

    /** A Stage 2 trace; {@code more} adds {@code measured} and such. */
    UUID judge(UUID job, UUID variant, String at, Run run, boolean onBrief, boolean occlusion, boolean contrastOk,
               boolean ctaPresent, Consumer<ObjectNode> more) {
        ObjectNode response = JSON.createObjectNode();
        response.put("on_brief", onBrief);
        response.put("occlusion", occlusion);
        response.put("contrast_ok", contrastOk);
        response.put("cta_present", ctaPresent);
        response.put("analysis", "...");
        if (more != null) {
            more.accept(response);
        }
        return trace(job, variant, "judge", at, request(run), response);
    }

    private UUID trace(UUID job, UUID variant, String operation, String at, ObjectNode request, ObjectNode response) {
        UUID id = UUID.randomUUID();
        exec("INSERT INTO vlm_traces (vlm_trace_id, job_id, job_variants_id, provider, operation_type, request, response, "
                + "created_at, updated_at) VALUES (?, ?, ?, 'llava', ?, ?::jsonb, ?::jsonb, ?, ?)",
                id, job, variant, operation, request.toString(), response.toString(), at(at), at(at));
        return id;
    }

    UUID decide(UUID variant, String verdict, String reviewer, String comment, String at) {
        UUID id = UUID.randomUUID();
        exec("INSERT INTO reviewer_decisions (reviewer_decision_id, job_variants_id, verdict, comment, reviewer, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", id, variant, verdict, comment, reviewer, at(at));
        return id;
    }

    UUID retract(UUID variant, UUID decision, String reviewer, String at) {
        UUID id = UUID.randomUUID();
        exec("INSERT INTO reviewer_decisions (reviewer_decision_id, job_variants_id, verdict, reviewer, retracts, created_at) "
                + "VALUES (?, ?, 'retract', ?, ?, ?)", id, variant, reviewer, decision, at(at));
        return id;
    }

    private void exec(String sql, Object... params) {
        db.database().runInTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    st.setObject(i + 1, params[i]);
                }
                st.executeUpdate();
            }
        });
    }
}
