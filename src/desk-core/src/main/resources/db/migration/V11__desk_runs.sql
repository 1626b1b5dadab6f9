-- Run claims (the desk's own table, not the pipeline's): one row per pipeline run the desk starts.
-- The row is inserted in the same transaction that sets the variant to <step>/running, so that a
-- "running" written by the desk always has an owner: host and pid of the process, and a heartbeat
-- that process refreshes while the model works. The run's final transaction closes the row
-- (finished_at, outcome, the trace it stored); a process that died leaves it open, and the next
-- desk process to open the database recovers it (variant failed, an "interrupted" trace).
--
-- No foreign keys to the pipeline's tables: a key would put triggers on jobs_variants, and a
-- claim must outlive a deleted variant so that its recovery can still be recorded.
CREATE TABLE IF NOT EXISTS desk_runs (
    run_id          uuid        PRIMARY KEY,
    job_variants_id uuid        NOT NULL,
    job_id          uuid        NOT NULL,
    stage           smallint    NOT NULL,
    expected_step   text        NOT NULL,
    from_step       text,
    from_status     text,
    host            text        NOT NULL,
    pid             bigint      NOT NULL,
    started_at      timestamptz NOT NULL DEFAULT now(),
    heartbeat_at    timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    outcome         text,
    detail          text,
    request         jsonb,
    partial_text    text,
    vlm_trace_id    uuid,
    CONSTRAINT desk_runs_stage_check CHECK (stage IN (1, 2)),
    CONSTRAINT desk_runs_outcome_check CHECK (outcome IN
        ('done', 'failed', 'cancelled', 'restored', 'superseded', 'recovered')),
    CONSTRAINT desk_runs_finished_check CHECK ((finished_at IS NULL) = (outcome IS NULL))
);

-- At most one open claim per variant (the variant row lock already serialises claims; this makes
-- a second owner impossible even for a bug).
CREATE UNIQUE INDEX IF NOT EXISTS desk_runs_one_open_per_variant
    ON desk_runs (job_variants_id) WHERE finished_at IS NULL;
-- Recovery looks at open claims only.
CREATE INDEX IF NOT EXISTS desk_runs_open_heartbeat_idx
    ON desk_runs (heartbeat_at) WHERE finished_at IS NULL;
CREATE INDEX IF NOT EXISTS desk_runs_variant_time_idx
    ON desk_runs (job_variants_id, started_at DESC);
