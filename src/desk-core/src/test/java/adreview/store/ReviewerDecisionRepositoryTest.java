package adreview.store;

import adreview.review.decision.ReviewerDecision;
import adreview.review.decision.Verdict;

import adreview.review.ReviewTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewerDecisionRepositoryTest {

    static ReviewTestDatabase db;
    static ReviewerDecisionRepository decisions;

    @BeforeAll
    static void start() {
        db = ReviewTestDatabase.start();
        decisions = new ReviewerDecisionRepository(db.database());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    UUID variant() {
        UUID job = db.insertJob("brief");
        return db.insertVariant(job, db.insertAsset("/assets/t/a.png"), null, "vlm_analyze", "done");
    }

    @Test
    void newestDecisionIsCurrentAndHistoryKeepsAll() {
        UUID v = variant();
        decisions.record(v, Verdict.FIX, "  logo too small ", "mina", null);
        decisions.record(v, Verdict.ACCEPT, " ", "joon", null);
        List<ReviewerDecision> history = decisions.history(v);
        assertThat(history).extracting(ReviewerDecision::verdict).containsExactly(Verdict.ACCEPT, Verdict.FIX);
        assertThat(history.get(1).comment()).isEqualTo("logo too small");
        assertThat(history.get(0).comment()).isNull();
        assertThat(decisions.latest(v)).get().extracting(ReviewerDecision::reviewer).isEqualTo("joon");
        UUID other = variant();
        assertThat(decisions.latestFor(List.of(v, other))).containsOnlyKeys(v);
    }

    @Test
    void rowsCannotBeUpdatedOrDeletedButFollowADeletedVariant() {
        UUID v = variant();
        ReviewerDecision d = decisions.record(v, Verdict.REJECT, "off brief", "mina", null);
        assertThatThrownBy(() -> db.exec("UPDATE reviewer_decisions SET verdict = 'accept' WHERE reviewer_decision_id = ?", d.decisionId()))
                .isInstanceOf(StoreException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.exec("DELETE FROM reviewer_decisions WHERE reviewer_decision_id = ?", d.decisionId()))
                .hasMessageContaining("append-only");
        assertThat(decisions.latest(v)).get().extracting(ReviewerDecision::verdict).isEqualTo(Verdict.REJECT);
        db.exec("DELETE FROM jobs_variants WHERE job_variants_id = ?", v);
        assertThat(db.count("reviewer_decisions", "job_variants_id = ?", v)).isZero();
    }

    @Test
    void unknownVariantOrBlankReviewerIsRefused() {
        UUID missing = UUID.randomUUID();
        assertThatThrownBy(() -> decisions.record(missing, Verdict.ACCEPT, null, "mina", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> decisions.record(variant(), Verdict.ACCEPT, null, " ", null))
                .hasMessageContaining("reviewer");
        assertThatThrownBy(() -> Verdict.parse("maybe")).hasMessageContaining("accept, fix or reject");
        assertThat(Verdict.parse("FIX")).isEqualTo(Verdict.FIX);
    }

    @Test
    void retractionBringsBackThePreviousDecisionAndHistoryShowsBoth() {
        UUID v = variant();
        ReviewerDecision fix = decisions.record(v, Verdict.FIX, "#cta too small", "mina", null);
        ReviewerDecision accept = decisions.record(v, Verdict.ACCEPT, null, "joon", null);

        ReviewerDecision undo = decisions.retract(accept.decisionId(), "joon");
        assertThat(undo.verdict()).isEqualTo(Verdict.RETRACT);
        assertThat(undo.retracts()).isEqualTo(accept.decisionId());
        assertThat(undo.variantId()).isEqualTo(v);
        assertThat(decisions.latest(v)).get().extracting(ReviewerDecision::decisionId).isEqualTo(fix.decisionId());
        assertThat(decisions.latestFor(List.of(v)).get(v).verdict()).isEqualTo(Verdict.FIX);

        List<ReviewerDecision> history = decisions.history(v);
        assertThat(history).extracting(ReviewerDecision::verdict).containsExactly(Verdict.RETRACT, Verdict.ACCEPT, Verdict.FIX);
        assertThat(history.get(1).retractedBy()).isEqualTo(undo.decisionId());
        assertThat(history.get(1).inForce()).isFalse();
        assertThat(history.get(2).inForce()).isTrue();

        // Undo again: the fix goes too, and the variant has no decision.
        assertThat(decisions.retractCurrent(v, "mina")).get().extracting(ReviewerDecision::retracts).isEqualTo(fix.decisionId());
        assertThat(decisions.latest(v)).isEmpty();
        assertThat(decisions.retractCurrent(v, "mina")).isEmpty();
        // A new decision is current again.
        decisions.record(v, Verdict.REJECT, null, "mina", null);
        assertThat(decisions.latest(v)).get().extracting(ReviewerDecision::verdict).isEqualTo(Verdict.REJECT);
    }

    @Test
    void retractionsAreRefusedTwiceForRetractionsAndUnknownDecisions() {
        UUID v = variant();
        ReviewerDecision d = decisions.record(v, Verdict.ACCEPT, null, "mina", null);
        ReviewerDecision undo = decisions.retract(d.decisionId(), "mina");
        assertThatThrownBy(() -> decisions.retract(d.decisionId(), "joon"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already retracted");
        assertThatThrownBy(() -> decisions.retract(undo.decisionId(), "joon"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a retraction");
        UUID missing = UUID.randomUUID();
        assertThatThrownBy(() -> decisions.retract(missing, "joon"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> decisions.record(v, Verdict.RETRACT, null, "mina", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Verdict.parse("retract")).hasMessageContaining("accept, fix or reject");
        assertThat(db.count("reviewer_decisions", "job_variants_id = ?", v)).isEqualTo(2);
    }

    @Test
    void theSchemaHoldsTheRetractionRulesForWritersOtherThanTheDesk() {
        UUID v = variant();
        UUID other = variant();
        ReviewerDecision d = decisions.record(v, Verdict.REJECT, null, "mina", null);
        // Another variant's decision, a retraction without a target, a decision with one, a retraction of a retraction.
        assertThatThrownBy(() -> db.exec("INSERT INTO reviewer_decisions (job_variants_id, verdict, reviewer, retracts) "
                + "VALUES (?, 'retract', 'x', ?)", other, d.decisionId())).hasMessageContaining("retracts_fkey");
        assertThatThrownBy(() -> db.exec("INSERT INTO reviewer_decisions (job_variants_id, verdict, reviewer) "
                + "VALUES (?, 'retract', 'x')", v)).hasMessageContaining("retracts_check");
        assertThatThrownBy(() -> db.exec("INSERT INTO reviewer_decisions (job_variants_id, verdict, reviewer, retracts) "
                + "VALUES (?, 'accept', 'x', ?)", v, d.decisionId())).hasMessageContaining("retracts_check");
        ReviewerDecision undo = decisions.retract(d.decisionId(), "mina");
        assertThatThrownBy(() -> db.exec("INSERT INTO reviewer_decisions (job_variants_id, verdict, reviewer, retracts) "
                + "VALUES (?, 'retract', 'x', ?)", v, undo.decisionId())).hasMessageContaining("cannot be retracted");
        assertThatThrownBy(() -> db.exec("INSERT INTO reviewer_decisions (job_variants_id, verdict, reviewer, retracts) "
                + "VALUES (?, 'retract', 'x', ?)", v, d.decisionId())).hasMessageContaining("retracts_key");
        // Deleting the variant still takes every row with it.
        db.exec("DELETE FROM jobs_variants WHERE job_variants_id = ?", v);
        assertThat(db.count("reviewer_decisions", "job_variants_id = ?", v)).isZero();
    }
}
