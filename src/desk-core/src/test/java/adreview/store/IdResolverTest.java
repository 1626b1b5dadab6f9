package adreview.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Id prefixes as the CLI takes them, resolved in a real PostgreSQL. */
class IdResolverTest {

    private static final UUID JOB = UUID.fromString("0b0b0b0b-0000-4000-8000-000000000001");
    /** Two variants that share their first 9 characters (and 8 digits), then differ. */
    private static final UUID A = UUID.fromString("3f0c1a52-8d55-4c4e-9a8e-2f1b7c6d5e4f");
    private static final UUID B = UUID.fromString("3f0c1a52-9d55-4c4e-9a8e-2f1b7c6d5e4f");
    private static TestDatabase db;
    private static IdResolver ids;

    @BeforeAll
    static void start() {
        db = TestDatabase.start();
        ids = new IdResolver(db.database());
        db.sql("INSERT INTO jobs (job_id, tenant_id, status, current_step) VALUES ('" + JOB + "', 'acme', 'running', 'img_gen')",
                "INSERT INTO jobs_variants (job_variants_id, job_id, current_step, status) VALUES ('" + A + "', '" + JOB
                        + "', 'img_gen', 'done'), ('" + B + "', '" + JOB + "', 'vlm_judge', 'failed')");
        // Fourteen variants starting with aaaaaaaa: more than an ambiguity lists.
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            rows.add(String.format("('aaaaaaaa-0000-4000-8000-%012d', '%s', 'overlay', 'done')", i, JOB));
        }
        db.sql("INSERT INTO jobs_variants (job_variants_id, job_id, current_step, status) VALUES " + String.join(", ", rows));
        // The edges of the key order: all zeros and all f's.
        db.sql("INSERT INTO jobs_variants (job_variants_id, job_id, current_step, status) VALUES "
                + "('00000000-0000-0000-0000-000000000000', '" + JOB + "', 'img_gen', 'queued'), "
                + "('ffffffff-ffff-ffff-ffff-ffffffffffff', '" + JOB + "', 'img_gen', 'queued')");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void aUniquePrefixOfEightOrMoreCharactersNamesItsVariantInAnyCaseWithOrWithoutHyphens() {
        assertThat(ids.variant("3f0c1a52-8")).isEqualTo(A);
        assertThat(ids.variant("3F0C1A52-9D")).isEqualTo(B);
        assertThat(ids.variant("3f0c1a528d55")).isEqualTo(A);
        assertThat(ids.variant(" 3f0c1a52-8d55-4c4e-9a8e ")).isEqualTo(A);
        assertThat(ids.variant("00000000")).isEqualTo(UUID.fromString("00000000-0000-0000-0000-000000000000"));
        assertThat(ids.variant("ffffffff")).isEqualTo(UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"));
        assertThat(ids.job("0b0b0b0b")).isEqualTo(JOB);
    }

    @Test
    void aWholeUuidIsTakenAsItIsSoThatEachCommandKeepsItsOwnNotFound() {
        UUID unknown = UUID.randomUUID();
        assertThat(ids.variant(unknown.toString())).isEqualTo(unknown);
        assertThat(ids.variant(A.toString().toUpperCase())).isEqualTo(A);
        assertThat(ids.variant(A.toString().replace("-", ""))).isEqualTo(A);
    }

    @Test
    void anAmbiguousPrefixListsTheCandidatesWithTenantStepAndStatus() {
        assertThatThrownBy(() -> ids.variant("3f0c1a52"))
                .isInstanceOfSatisfying(IdResolutionException.class, e -> {
                    assertThat(e.problem()).isEqualTo(IdResolutionException.Problem.AMBIGUOUS);
                    assertThat(e.getMessage()).isEqualTo("3f0c1a52 is the start of 2 variant ids: " + A
                            + " (acme, img_gen/done), " + B + " (acme, vlm_judge/failed); give more of the id, or the"
                            + " whole UUID");
                    assertThat(e.candidates()).extracting(IdResolutionException.Candidate::id).containsExactly(A, B);
                    assertThat(e.matches()).isEqualTo(2);
                });
        assertThatThrownBy(() -> ids.variant("AAAAAAAA-0"))
                .isInstanceOfSatisfying(IdResolutionException.class, e -> {
                    assertThat(e.matches()).isEqualTo(14);
                    assertThat(e.candidates()).hasSize(IdResolver.SHOWN);
                    assertThat(e.candidates().get(0).id()).isEqualTo(UUID.fromString("aaaaaaaa-0000-4000-8000-000000000000"));
                    assertThat(e.getMessage()).startsWith("aaaaaaaa-0 is the start of 14 variant ids: aaaaaaaa-0000-4000-8000-000000000000 (acme, overlay/done), ")
                            .contains("aaaaaaaa-0000-4000-8000-000000000009 (acme, overlay/done) and 4 more; give more")
                            .doesNotContain("aaaaaaaa-0000-4000-8000-000000000010").doesNotContain("\n");
                });
    }

    @Test
    void noMatchTooShortAndMalformedAreOneSentenceEach() {
        assertThatThrownBy(() -> ids.variant("12345678"))
                .isInstanceOfSatisfying(IdResolutionException.class, e -> {
                    assertThat(e.problem()).isEqualTo(IdResolutionException.Problem.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("variant 12345678 not found in jobs_variants: no id starts with it"
                            + " (`list` shows them)");
                });
        assertThatThrownBy(() -> ids.trace("12345678-9"))
                .hasMessage("trace 12345678-9 not found in vlm_traces: no id starts with it (`show VARIANT` lists a"
                        + " variant's traces)");
        assertThatThrownBy(() -> ids.variant("3f0c1a5"))
                .isInstanceOfSatisfying(IdResolutionException.class, e -> {
                    assertThat(e.problem()).isEqualTo(IdResolutionException.Problem.TOO_SHORT);
                    assertThat(e.getMessage()).isEqualTo("'3f0c1a5' is not a variant id: too short, give at least 8 of"
                            + " its characters (as the desk shows it) or the whole UUID");
                });
        for (String bad : List.of("xyz12345", "3f0c-1a52", "3f0c1a52--8d", "-3f0c1a52", "3f0c1a52 8d", "",
                A + "0")) {
            assertThatThrownBy(() -> ids.variant(bad)).as(bad)
                    .isInstanceOfSatisfying(IdResolutionException.class,
                            e -> assertThat(e.problem()).isEqualTo(IdResolutionException.Problem.MALFORMED))
                    .hasMessageContaining("is not a variant id").hasMessageNotContaining("\n");
        }
    }

    @Test
    void aPrefixIsARangeOfTheKey() {
        IdPrefix p = IdPrefix.parse("3F0C1A52-8d5", "variant");
        assertThat(p.lowest()).isEqualTo(UUID.fromString("3f0c1a52-8d50-0000-0000-000000000000"));
        assertThat(p.highest()).isEqualTo(UUID.fromString("3f0c1a52-8d5f-ffff-ffff-ffffffffffff"));
        assertThat(p.shown()).isEqualTo("3f0c1a52-8d5");
        assertThat(IdPrefix.parse("3f0c1a52", "variant").shown()).isEqualTo("3f0c1a52");
        assertThat(IdPrefix.parse(A.toString(), "variant").whole()).isTrue();
    }

    /** PostgreSQL orders uuid byte by byte: the prefix's range is an index range of each primary key. */
    @Test
    void theLookupIsAnIndexRangeScan() {
        for (IdResolver.Kind kind : IdResolver.Kind.values()) {
            String plan = db.database().withConnection(c -> {
                try (Statement off = c.createStatement()) {
                    off.execute("SET enable_seqscan = off");
                }
                StringBuilder s = new StringBuilder();
                try (PreparedStatement st = c.prepareStatement("EXPLAIN " + kind.sql())) {
                    IdPrefix p = IdPrefix.parse("3f0c1a52", kind.noun());
                    st.setObject(1, p.lowest());
                    st.setObject(2, p.highest());
                    st.setInt(3, IdResolver.SHOWN);
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            s.append(rs.getString(1)).append('\n');
                        }
                    }
                } finally {
                    try (Statement on = c.createStatement()) {
                        on.execute("RESET enable_seqscan");
                    }
                }
                return s.toString();
            });
            assertThat(plan).as(kind + "\n" + plan).containsPattern("Index (Only )?Scan (using|on) \\w+_pkey")
                    .doesNotContain("Seq Scan on " + (kind == IdResolver.Kind.VARIANT ? "jobs_variants" : kind == IdResolver.Kind.JOB ? "jobs " : "vlm_traces"));
        }
    }
}
