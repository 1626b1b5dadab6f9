-- Retractions of reviewer decisions (undo without breaking the append-only rule of V10). A retraction
-- is a row of its own, verdict 'retract', naming the decision it takes back in `retracts`. The
-- current decision of a variant is its newest decision that is not a retraction and has not been
-- retracted; retracting it again brings back the one before.
ALTER TABLE reviewer_decisions ADD COLUMN IF NOT EXISTS retracts uuid;

ALTER TABLE reviewer_decisions DROP CONSTRAINT IF EXISTS reviewer_decisions_verdict_check;
ALTER TABLE reviewer_decisions ADD CONSTRAINT reviewer_decisions_verdict_check
    CHECK (verdict IN ('accept', 'fix', 'reject', 'retract'));

-- A retraction names what it retracts; nothing else does.
ALTER TABLE reviewer_decisions DROP CONSTRAINT IF EXISTS reviewer_decisions_retracts_check;
ALTER TABLE reviewer_decisions ADD CONSTRAINT reviewer_decisions_retracts_check
    CHECK ((verdict = 'retract') = (retracts IS NOT NULL));

-- The retracted decision exists and belongs to the same variant: a key over (id, variant) lets the
-- foreign key say both at once. Rows go when their variant goes (the V10 cascade), retractions with
-- the decision they name.
CREATE UNIQUE INDEX IF NOT EXISTS reviewer_decisions_id_variant_key
    ON reviewer_decisions (reviewer_decision_id, job_variants_id);
ALTER TABLE reviewer_decisions DROP CONSTRAINT IF EXISTS reviewer_decisions_retracts_fkey;
ALTER TABLE reviewer_decisions ADD CONSTRAINT reviewer_decisions_retracts_fkey
    FOREIGN KEY (retracts, job_variants_id) REFERENCES reviewer_decisions (reviewer_decision_id, job_variants_id)
    ON DELETE CASCADE;

-- A decision is retracted at most once (two reviewers pressing undo at the same moment: one wins).
-- The index also serves "is this decision retracted?" in every current-decision query.
CREATE UNIQUE INDEX IF NOT EXISTS reviewer_decisions_retracts_key
    ON reviewer_decisions (retracts) WHERE retracts IS NOT NULL;

-- A retraction cannot itself be retracted: undo of an undo would make "current" depend on chains.
-- A new decision is the way to change one's mind again.
CREATE OR REPLACE FUNCTION reviewer_decisions_retraction_target() RETURNS trigger AS $$
BEGIN
    IF NEW.retracts IS NOT NULL AND EXISTS (
           SELECT 1 FROM reviewer_decisions d
            WHERE d.reviewer_decision_id = NEW.retracts AND d.verdict = 'retract') THEN
        RAISE EXCEPTION 'decision % is a retraction and cannot be retracted', NEW.retracts
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS reviewer_decisions_retraction_target ON reviewer_decisions;
CREATE TRIGGER reviewer_decisions_retraction_target
    BEFORE INSERT ON reviewer_decisions
    FOR EACH ROW EXECUTE FUNCTION reviewer_decisions_retraction_target();

-- The agreement report (adreview.review.report): the newest decision per variant, and the newest
-- analyze / judge trace per variant, are DISTINCT ON scans in (variant, time) order.
CREATE INDEX IF NOT EXISTS vlm_traces_operation_variant_time_idx
    ON vlm_traces (operation_type, job_variants_id, created_at DESC)
    WHERE job_variants_id IS NOT NULL;
