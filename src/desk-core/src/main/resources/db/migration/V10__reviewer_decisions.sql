-- Reviewer decisions (the desk's own table, not the pipeline's): Accept / Needs fix / Reject with
-- an optional comment and the reviewer's name. Kept apart from vlm_traces, which hold model calls.
-- Append-only: a changed mind is a new row; the newest row per variant is the current decision.
CREATE TABLE IF NOT EXISTS reviewer_decisions (
    reviewer_decision_id uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    job_variants_id      uuid        NOT NULL,
    verdict              text        NOT NULL,
    comment              text,
    reviewer             text        NOT NULL,
    vlm_trace_id         uuid,
    created_at           timestamptz NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT reviewer_decisions_verdict_check CHECK (verdict IN ('accept', 'fix', 'reject')),
    CONSTRAINT reviewer_decisions_reviewer_check CHECK (btrim(reviewer) <> '')
);

-- Foreign keys as in V1: only in a database the desk created itself (no baseline row in its
-- Flyway history). On the pipeline's own database a key would put triggers (and here cascading
-- deletes) on jobs_variants and vlm_traces; there a decision simply outlives its variant. A
-- pipeline database whose referenced column has no unique constraint gets no key either.
DO $$
DECLARE
    fk text[];
    name text;
BEGIN
    IF EXISTS (SELECT 1 FROM "${flyway:table}" WHERE type = 'BASELINE') THEN
        RETURN;
    END IF;
    FOREACH fk SLICE 1 IN ARRAY ARRAY[
        ['reviewer_decisions', 'job_variants_id', 'jobs_variants', 'job_variants_id', 'CASCADE'],
        ['reviewer_decisions', 'vlm_trace_id',    'vlm_traces',    'vlm_trace_id',    'SET NULL']]
    LOOP
        name := fk[1] || '_' || fk[2] || '_fkey';
        IF NOT EXISTS (
               SELECT 1 FROM pg_constraint c
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
                WHERE c.contype = 'f' AND c.conrelid = to_regclass(fk[1]) AND a.attname = fk[2])
           AND EXISTS (
               SELECT 1 FROM pg_index i
                 JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                WHERE i.indrelid = to_regclass(fk[3]) AND i.indisunique AND i.indnatts = 1 AND a.attname = fk[4])
        THEN
            EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I FOREIGN KEY (%I) REFERENCES %I (%I) ON DELETE %s',
                           fk[1], name, fk[2], fk[3], fk[4], fk[5]);
        END IF;
    END LOOP;
END
$$;

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
