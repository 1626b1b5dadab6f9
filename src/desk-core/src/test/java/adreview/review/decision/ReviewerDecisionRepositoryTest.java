package adreview.review.decision;

import adreview.review.ReviewTestDatabase;
import adreview.store.StoreException;
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
}
