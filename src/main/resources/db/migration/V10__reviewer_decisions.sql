-- Reviewer decisions (the desk's own table, not the pipeline's): Accept / Needs fix / Reject with
-- an optional comment and the reviewer's name. Kept apart from vlm_traces, which hold model calls.
-- Append-only: a changed mind is a new row; the newest row per variant is the current decision.
CREATE TABLE IF NOT EXISTS reviewer_decisions (
    reviewer_decision_id uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    job_variants_id      uuid        NOT NULL REFERENCES jobs_variants (job_variants_id) ON DELETE CASCADE,
    verdict              text        NOT NULL,
    comment              text,
    reviewer             text        NOT NULL,
    vlm_trace_id         uuid        REFERENCES vlm_traces (vlm_trace_id) ON DELETE SET NULL,
    created_at           timestamptz NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT reviewer_decisions_verdict_check CHECK (verdict IN ('accept', 'fix', 'reject')),
    CONSTRAINT reviewer_decisions_reviewer_check CHECK (btrim(reviewer) <> '')
);

CREATE INDEX IF NOT EXISTS reviewer_decisions_variant_time_idx
    ON reviewer_decisions (job_variants_id, created_at DESC);

-- Rows are history: no UPDATE, no direct DELETE. Deletes cascading from a deleted variant
-- (pg_trigger_depth() > 1: inside the foreign key's own trigger) still go through, and the
-- trace link may be cleared by its ON DELETE SET NULL.
CREATE OR REPLACE FUNCTION reviewer_decisions_append_only() RETURNS trigger AS $$
BEGIN
    IF pg_trigger_depth() > 1 THEN
        IF TG_OP = 'DELETE' THEN
            RETURN OLD;
        END IF;
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'reviewer_decisions is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS reviewer_decisions_append_only ON reviewer_decisions;
CREATE TRIGGER reviewer_decisions_append_only
    BEFORE UPDATE OR DELETE ON reviewer_decisions
    FOR EACH ROW EXECUTE FUNCTION reviewer_decisions_append_only();
