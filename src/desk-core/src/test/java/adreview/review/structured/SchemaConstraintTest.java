package adreview.review.structured;

import adreview.review.result.Results;
import adreview.review.result.Stage1Result;
import adreview.review.result.Stage2Result;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Constrained decoding over the real Llama-2 vocabulary of the tiny fixture model. */
class SchemaConstraintTest {

    static TokenVocabulary vocab;
    static CompiledSchema stage1;
    static CompiledSchema stage1NoAdCopy;
    static CompiledSchema stage2;
    static final ObjectMapper JSON = new ObjectMapper();

    static Path fixtures() {
        return adreview.llava.Fixtures.fixtures();
    }

    @BeforeAll
    static void load() {
        vocab = TokenVocabulary.load(fixtures().resolve("llava-tiny"));
        stage1 = new CompiledSchema(AnswerShapes.stage1(), vocab);
        stage1NoAdCopy = new CompiledSchema(AnswerShapes.stage1NoAdCopy(), vocab);
        stage2 = new CompiledSchema(AnswerShapes.stage2(), vocab);
    }

    /** Greedy decoding with random logits: every allowed token is as likely as any other. */
    static SchemaConstraint decodeRandomly(CompiledSchema schema, long seed, int maxTokens, int logitsSize) {
        Random r = new Random(seed);
        SchemaConstraint c = schema.newConstraint(maxTokens);
        float[] logits = new float[logitsSize];
        for (int step = 0; step < maxTokens && !c.isComplete(); step++) {
            for (int i = 0; i < logits.length; i++) {
                logits[i] = r.nextFloat();
            }
            BitSet allowed = c.allowedNext();
            assertThat(allowed.isEmpty()).as("mask at step %d", step).isFalse();
            assertThat(allowed.get(vocab.eosId())).as("EOS before the object is closed").isFalse();
            int best = -1;
            for (int i = allowed.nextSetBit(0); i >= 0; i = allowed.nextSetBit(i + 1)) {
                if (best < 0 || logits[i] > logits[best]) {
                    best = i;
                }
            }
            c.accept(best);
        }
        return c;
    }

    @Test
    void randomLogitsAlwaysGiveAValidStage1Answer() throws Exception {
        for (int seed = 0; seed < 12; seed++) {
            SchemaConstraint c = decodeRandomly(stage1, seed, 512, 32064);
            assertThat(c.isComplete()).as("seed %d finished within 512 tokens", seed).isTrue();
            assertThat(c.allowedNext().cardinality()).isEqualTo(1);
            assertThat(c.allowedNext().get(vocab.eosId())).isTrue();
            Stage1Result r = Results.stage1(c.text(), true);
            assertThat(r.font()).isNotNull();
            assertThat(r.relevanceScore()).isBetween(0.0, 1.0);
            assertThat(r.issues().size()).isLessThanOrEqualTo(AnswerShapes.LIST_ITEMS);
            JsonNode n = JSON.readTree(c.text());
            assertThat(n.size()).isEqualTo(7);
        }
    }

    @Test
    void randomLogitsAlwaysGiveAValidStage2Answer() throws Exception {
        for (int seed = 100; seed < 112; seed++) {
            SchemaConstraint c = decodeRandomly(stage2, seed, 512, 32064);
            assertThat(c.isComplete()).isTrue();
            Stage2Result r = Results.stage2(c.text());
            assertThat(r.analysis().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(AnswerShapes.ANALYSIS_BYTES);
            assertThat(JSON.readTree(c.text()).fieldNames()).toIterable()
                    .containsExactly("on_brief", "occlusion", "contrast_ok", "cta_present", "analysis", "issues");
        }
    }

    @Test
    void shortBudgetsStillCloseTheObject() {
        int min = stage1NoAdCopy.minTokens();
        for (int budget : new int[] {min, min + 1, min + 7, 200}) {
            for (int seed = 0; seed < 3; seed++) {
                SchemaConstraint c = decodeRandomly(stage1NoAdCopy, seed * 31L + budget, budget, 32064);
                assertThat(c.isComplete()).as("budget %d seed %d", budget, seed).isTrue();
                assertThat(c.tokensAccepted()).isLessThanOrEqualTo(budget);
                Stage1Result r = Results.stage1(c.text(), false);
                assertThat(r.font()).isNull();
            }
        }
        assertThatThrownBy(() -> stage1NoAdCopy.newConstraint(min - 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least " + min);
    }

    // --- specific values, fed token by token ---------------------------------------------------

    /** The id of a token whose bytes are exactly {@code text}, preferring whole pieces over byte tokens. */
    static int token(String text) {
        byte[] want = text.getBytes(StandardCharsets.UTF_8);
        int found = -1;
        for (int id = 0; id < vocab.size(); id++) {
            if (Arrays.equals(vocab.bytes(id), want)) {
                found = id;
                if (id > 258) {
                    return id;
                }
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException("no token for " + text);
        }
        return found;
    }

    static SchemaConstraint fed(CompiledSchema schema, String prefix) {
        SchemaConstraint c = schema.newConstraint(512);
        for (byte b : prefix.getBytes(StandardCharsets.UTF_8)) {
            int id = token(new String(new byte[] {b}, StandardCharsets.ISO_8859_1));
            assertThat(c.allowedNext().get(id)).as("byte '%c' after %s", (char) b, c.text()).isTrue();
            c.accept(id);
        }
        return c;
    }

    static final String STAGE1_TO_SCORE = "{\"is_valid\": true, \"image_quality_ok\": false, \"relevance_score\": ";

    @Test
    void scoreOneIsAllowedButNotOnePointFive() {
        SchemaConstraint c = fed(stage1, STAGE1_TO_SCORE + "1.");
        assertThat(c.allowedNext().get(token("0"))).isTrue();
        assertThat(c.allowedNext().get(token("5"))).isFalse();
        SchemaConstraint d = fed(stage1, STAGE1_TO_SCORE);
        assertThat(d.allowedNext().get(token("1"))).isTrue();
        assertThat(d.allowedNext().get(token("."))).isFalse();
        assertThat(d.allowedNext().get(token(" true"))).isFalse();
        assertThat(d.allowedNext().get(token("."))).isFalse();
        assertThat(d.allowedNext().get(token(" true"))).isFalse();
        assertThat(d.allowedNext().get(token("0"))).isTrue();
        assertThat(d.allowedNext().get(token("."))).isFalse();
        assertThat(d.allowedNext().get(token(" true"))).isFalse();
        SchemaConstraint e = fed(stage1, STAGE1_TO_SCORE + "0.8");
        assertThat(e.allowedNext().get(token("5"))).isTrue();
        assertThat(e.allowedNext().get(token(","))).isTrue();
        assertThat(e.allowedNext().get(token("."))).isFalse();
        SchemaConstraint f = fed(stage1, STAGE1_TO_SCORE + "0.1234");
        assertThat(f.allowedNext().get(token("5"))).as("at most 4 fraction digits").isFalse();
    }

    @Test
    void fontValuesAreOnlyTheListedOnes() {
        String prefix = STAGE1_TO_SCORE + "0.5, \"analysis\": \"ok\", \"issues\": [], \"recommendations\": [\"x\"], "
                + "\"font_recommendation\": {\"style\": \"";
        SchemaConstraint c = fed(stage1, prefix);
        BitSet allowed = c.allowedNext();
        assertThat(allowed.get(token("bold"))).isTrue();
        assertThat(allowed.get(token("ser"))).isTrue();
        assertThat(allowed.get(token("san"))).isTrue();
        assertThat(allowed.get(token("it"))).isFalse();
        assertThat(allowed.get(token("B"))).isFalse();
        for (int id = allowed.nextSetBit(0); id >= 0; id = allowed.nextSetBit(id + 1)) {
            String t = new String(vocab.bytes(id), StandardCharsets.UTF_8);
            assertThat("bold\"".startsWith(t) || "serif\"".startsWith(t) || "sans-serif\"".startsWith(t)
                    || t.startsWith("bold\"") || t.startsWith("serif\"") || t.startsWith("sans-serif\""))
                    .as("token '%s'", t).isTrue();
        }
        c.accept(token("bold"));
        assertThat(c.allowedNext().get(token("\","))).isTrue();
        assertThat(c.allowedNext().get(token("er"))).isFalse();
    }

    @Test
    void stringsRefuseRawControlCharactersButTakeEscapesAndUnicode() {
        SchemaConstraint c = fed(stage2, "{\"on_brief\": true, \"occlusion\": false, \"contrast_ok\": true, "
                + "\"cta_present\": false, \"analysis\": \"");
        assertThat(c.allowedNext().get(token("\n"))).isFalse();
        assertThat(c.allowedNext().get(token("\t"))).isFalse();
        assertThat(c.allowedNext().get(token("\\"))).isTrue();
        c.accept(token("\\"));
        assertThat(c.allowedNext().get(token("n"))).isTrue();
        assertThat(c.allowedNext().get(token("x"))).isFalse();
        c.accept(token("n"));
        // "한" is E1 95 9C as three byte tokens: a lone continuation byte is refused.
        assertThat(c.allowedNext().get(byteToken(0x95))).isFalse();
        for (int b : new int[] {0xED, 0x95, 0x9C}) {
            int id = byteToken(b);
            assertThat(c.allowedNext().get(id)).isTrue();
            c.accept(id);
        }
        assertThat(c.allowedNext().get(token("\""))).as("UTF-8 sequence finished").isTrue();
        SchemaConstraint d = fed(stage2, "{\"on_brief\": true, \"occlusion\": false, \"contrast_ok\": true, "
                + "\"cta_present\": false, \"analysis\": \"");
        d.accept(byteToken(0xED));
        assertThat(d.allowedNext().get(byteToken(0xA0))).as("surrogate range after ED").isFalse();
        assertThat(d.allowedNext().get(token("\""))).as("unfinished UTF-8").isFalse();
    }

    @Test
    void specialTokensAreNeverAllowedAndEosOnlyAtTheEnd() {
        SchemaConstraint c = stage2.newConstraint(512);
        for (int id : new int[] {0, 1, 2, 32000, 32001}) {
            assertThat(c.allowedNext().get(id)).isFalse();
        }
        assertThat(c.allowedNext().get(token("{"))).isTrue();
        assertThat(c.allowedNext().get(token(" {"))).isTrue();
        assertThat(c.allowedNext().get(token("["))).isFalse();
        SchemaConstraint done = fed(stage2, "{\"on_brief\":true,\"occlusion\":false,\"contrast_ok\":true,"
                + "\"cta_present\":false,\"analysis\":\"\",\"issues\":[]}");
        assertThat(done.isComplete()).isTrue();
        assertThat(done.allowedNext().stream().toArray()).containsExactly(vocab.eosId());
        assertThatThrownBy(() -> stage2.newConstraint(512).accept(token("[")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stage2-schema-v1");
    }

    @Test
    void listsStopAtTheirItemLimit() {
        StringBuilder p = new StringBuilder("{\"on_brief\":true,\"occlusion\":false,\"contrast_ok\":true,"
                + "\"cta_present\":false,\"analysis\":\"a\",\"issues\":[");
        for (int i = 0; i < AnswerShapes.LIST_ITEMS; i++) {
            p.append(i == 0 ? "" : ",").append("\"i\"");
        }
        SchemaConstraint c = fed(stage2, p.toString());
        assertThat(c.allowedNext().get(token(","))).isFalse();
        assertThat(c.allowedNext().get(token("]"))).isTrue();
    }

    static int byteToken(int b) {
        for (int id = 0; id < 300; id++) {
            byte[] bytes = vocab.bytes(id);
            if (bytes != null && bytes.length == 1 && (bytes[0] & 0xFF) == b) {
                return id;
            }
        }
        throw new IllegalArgumentException("no byte token " + b);
    }

    @Test
    void tightBudgetMasksFromTheCacheEqualFreshWalks() {
        for (long seed = 0; seed < 3; seed++) {
            Random r = new Random(seed);
            int budget = stage2.minTokens() + 40;
            SchemaConstraint c = stage2.newConstraint(budget);
            while (!c.isComplete()) {
                BitSet allowed = c.allowedNext();
                assertThat(allowed).isEqualTo(stage2.allowedByWalk(c.state(), c.budgetForNext()));
                int k = r.nextInt(allowed.cardinality());
                int pick = allowed.nextSetBit(0);
                for (int i = 0; i < k; i++) {
                    pick = allowed.nextSetBit(pick + 1);
                }
                c.accept(pick);
            }
            assertThat(c.tokensAccepted()).isLessThanOrEqualTo(budget);
        }
        assertThat(stage2.tightWalks()).isPositive();
    }
}
