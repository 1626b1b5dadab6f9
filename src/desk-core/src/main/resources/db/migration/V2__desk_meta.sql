-- The desk's own bookkeeping (not a pipeline table): small key/value facts such as
-- "the demo data has been seeded", so that a second start does not seed again even if
-- the reviewer deleted demo rows.
CREATE TABLE IF NOT EXISTS desk_meta (
    meta_key   text        PRIMARY KEY,
    meta_value text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
