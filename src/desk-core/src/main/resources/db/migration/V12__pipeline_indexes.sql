-- The desk's indexes on the pipeline's tables (they were in V1 before; databases migrated then
-- already have them and IF NOT EXISTS skips them). Built CONCURRENTLY, outside a transaction
-- (V12__pipeline_indexes.sql.conf), so that `--migrate` on the production database never blocks
-- the pipeline's writes while an index builds. A build that fails leaves an INVALID index behind:
-- drop it (DROP INDEX CONCURRENTLY <name>) and run `--migrate` again.

-- The desk's queries: variant list filtered by status / step / job, newest first.
CREATE INDEX CONCURRENTLY IF NOT EXISTS jobs_variants_status_idx       ON jobs_variants (status, updated_at DESC);
CREATE INDEX CONCURRENTLY IF NOT EXISTS jobs_variants_current_step_idx ON jobs_variants (current_step, updated_at DESC);
CREATE INDEX CONCURRENTLY IF NOT EXISTS jobs_variants_job_idx          ON jobs_variants (job_id);
CREATE INDEX CONCURRENTLY IF NOT EXISTS jobs_variants_updated_idx      ON jobs_variants (updated_at DESC);
-- Ad copy resolution: newest done generation of a job.
CREATE INDEX CONCURRENTLY IF NOT EXISTS txt_ad_copy_generations_job_idx
    ON txt_ad_copy_generations (job_id, generation_stage, status, created_at DESC);
CREATE INDEX CONCURRENTLY IF NOT EXISTS overlay_layouts_variant_idx    ON overlay_layouts (job_variants_id);
-- Trace history by job, by variant, and by time.
CREATE INDEX CONCURRENTLY IF NOT EXISTS vlm_traces_job_time_idx        ON vlm_traces (job_id, created_at DESC);
CREATE INDEX CONCURRENTLY IF NOT EXISTS vlm_traces_variant_time_idx    ON vlm_traces (job_variants_id, created_at DESC);
CREATE INDEX CONCURRENTLY IF NOT EXISTS vlm_traces_time_idx            ON vlm_traces (created_at DESC);
