-- The ad pipeline's tables as the review desk reads and writes them (SPEC section 1).
-- Names are the pipeline's own. Every statement is idempotent (IF NOT EXISTS), so that
-- `--migrate` against an existing pipeline database (baselined at version 0) only adds what
-- is missing and never rewrites the pipeline's tables or data. Foreign keys are added at the
-- end, and only in a database the desk created itself (no baseline row in the desk's Flyway
-- history): on the pipeline's own database they would add locks, triggers and cascading deletes
-- to tables other services own. The indexes are in V12, built CONCURRENTLY.

CREATE TABLE IF NOT EXISTS jobs (
    job_id       uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id    text        NOT NULL,
    status       text        NOT NULL DEFAULT 'queued',
    current_step text        NOT NULL DEFAULT 'img_gen',
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT jobs_status_check CHECK (status IN ('queued', 'running', 'done', 'failed')),
    CONSTRAINT jobs_current_step_check CHECK (current_step IN
        ('img_gen', 'vlm_analyze', 'yolo_detect', 'overlay', 'vlm_judge', 'ocr_eval'))
);

CREATE TABLE IF NOT EXISTS job_inputs (
    job_id   uuid PRIMARY KEY,
    desc_eng text,
    desc_kor text
);

CREATE TABLE IF NOT EXISTS image_assets (
    image_asset_id uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    image_url      text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS jobs_variants (
    job_variants_id       uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    job_id                uuid        NOT NULL,
    img_asset_id          uuid,
    overlaid_img_asset_id uuid,
    status                text        NOT NULL DEFAULT 'queued',
    current_step          text        NOT NULL DEFAULT 'img_gen',
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT jobs_variants_status_check CHECK (status IN ('queued', 'running', 'done', 'failed')),
    CONSTRAINT jobs_variants_current_step_check CHECK (current_step IN
        ('img_gen', 'vlm_analyze', 'yolo_detect', 'overlay', 'vlm_judge', 'ocr_eval'))
);

CREATE TABLE IF NOT EXISTS txt_ad_copy_generations (
    txt_ad_copy_generation_id uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    job_id                    uuid        NOT NULL,
    generation_stage          text        NOT NULL,
    ad_copy_eng               text,
    status                    text        NOT NULL DEFAULT 'queued',
    created_at                timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT txt_ad_copy_generations_status_check CHECK (status IN ('queued', 'running', 'done', 'failed'))
);

CREATE TABLE IF NOT EXISTS overlay_layouts (
    overlay_id      uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    job_variants_id uuid        NOT NULL,
    layout          jsonb       NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS vlm_traces (
    vlm_trace_id   uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    job_id         uuid        NOT NULL,
    provider       text        NOT NULL,
    operation_type text        NOT NULL,
    request        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    response       jsonb,
    latency_ms     integer,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT vlm_traces_latency_check CHECK (latency_ms IS NULL OR latency_ms >= 0)
);

-- The desk's addition: per-variant history. Nullable, because the pipeline's older traces
-- only know their job; those still show under the job.
ALTER TABLE vlm_traces ADD COLUMN IF NOT EXISTS job_variants_id uuid;

-- Foreign keys: (table, column, referenced table, referenced column, on delete), only where the
-- desk created the schema (Flyway baselines an existing, non-empty schema before V1; `--migrate`
-- against the pipeline's database therefore adds none). Skipped when the column already has a
-- foreign key or the referenced column is not unique.
DO $$
DECLARE
    fk text[];
    name text;
BEGIN
    IF EXISTS (SELECT 1 FROM "${flyway:table}" WHERE type = 'BASELINE') THEN
        RETURN;
    END IF;
    FOREACH fk SLICE 1 IN ARRAY ARRAY[
        ['job_inputs',              'job_id',                'jobs',          'job_id',          'CASCADE'],
        ['jobs_variants',           'job_id',                'jobs',          'job_id',          'CASCADE'],
        ['jobs_variants',           'img_asset_id',          'image_assets',  'image_asset_id',  'RESTRICT'],
        ['jobs_variants',           'overlaid_img_asset_id', 'image_assets',  'image_asset_id',  'RESTRICT'],
        ['txt_ad_copy_generations', 'job_id',                'jobs',          'job_id',          'CASCADE'],
        ['overlay_layouts',         'job_variants_id',       'jobs_variants', 'job_variants_id', 'CASCADE'],
        ['vlm_traces',              'job_id',                'jobs',          'job_id',          'CASCADE'],
        ['vlm_traces',              'job_variants_id',       'jobs_variants', 'job_variants_id', 'SET NULL']]
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
            EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I FOREIGN KEY (%I) REFERENCES %I (%I) ON DELETE %s NOT VALID',
                           fk[1], name, fk[2], fk[3], fk[4], fk[5]);
            BEGIN
                EXECUTE format('ALTER TABLE %I VALIDATE CONSTRAINT %I', fk[1], name);
            EXCEPTION WHEN foreign_key_violation THEN
                RAISE NOTICE 'existing rows of % violate %; the key applies to new rows only', fk[1], name;
            END;
        END IF;
    END LOOP;
END
$$;
