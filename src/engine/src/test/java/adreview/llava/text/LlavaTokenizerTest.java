package adreview.llava.text;

import adreview.llava.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlavaTokenizerTest {

    private static LlavaTokenizer tokenizer;
    private static JsonNode reference;

    @BeforeAll
    static void load() throws IOException {
        tokenizer = LlavaTokenizer.load(Fixtures.tinyModel());
        reference = new ObjectMapper().readTree(Fixtures.referenceJson().toFile());
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }

    @Test
    void encodesAndDecodesEveryReferenceStringLikeTransformers() {
        assertThat(reference.path("tokenizer").size()).isGreaterThanOrEqualTo(6);
        for (JsonNode entry : reference.path("tokenizer")) {
            String text = entry.path("text").asText();
            long[] ids = longs(entry.path("ids"));
            assertThat(tokenizer.encode(text, true)).as("ids of %s", text).containsExactly(ids);
            assertThat(tokenizer.encode(text, false)).as("ids without specials of %s", text)
                    .containsExactly(longs(entry.path("ids_no_special")));
            assertThat(tokenizer.decode(ids)).as("decoded %s", text).isEqualTo(entry.path("decoded").asText());
        }
    }

    @Test
    void decodesTheReferenceGenerations() {
        for (JsonNode c : reference.path("cases")) {
            assertThat(tokenizer.decode(longs(c.path("generated_ids"))))
                    .isEqualTo(c.path("generated_text").asText());
        }
    }

    @Test
    void knowsLlavaSpecialTokens() {
        assertThat(tokenizer.bosTokenId()).isEqualTo(1);
        assertThat(tokenizer.eosTokenId()).isEqualTo(2);
        assertThat(tokenizer.imageTokenId()).isEqualTo(32000);
        assertThat(tokenizer.padTokenId()).isEqualTo(32001);
        assertThat(tokenizer.vocabSize()).isEqualTo(32002);
        assertThat(tokenizer.specialTokenIds()).containsExactly(0, 1, 2, 32000, 32001);
        assertThat(tokenizer.encode("<image>", false)).containsExactly(32000L);
        assertThat(tokenizer.decodeWithSpecialTokens(new long[] {1, 15043, 2})).isEqualTo("<s> Hello</s>");
    }

    @Test
    void neverTruncatesLongPrompts() {
        String text = "hello ".repeat(1999) + "hello";
        long[] ids = tokenizer.encode(text, true);
        assertThat(ids.length).isEqualTo(2001);
        assertThat(ids[0]).isEqualTo(1L);
        assertThat(tokenizer.decode(ids)).isEqualTo(text);

        String prompt = "USER: " + "<image>".repeat(576) + "\nDescribe the ad.\nASSISTANT:";
        long[] promptIds = tokenizer.encode(prompt, true);
        assertThat(java.util.Arrays.stream(promptIds).filter(id -> id == 32000).count()).isEqualTo(576);
        assertThat(promptIds[promptIds.length - 1]).isEqualTo(29901L); // ":" of ASSISTANT:, not cut off
    }

    @Test
    void decodesSingleTokensAsTheirPieces() {
        assertThat(tokenizer.decodeToken(15043)).isEqualTo(" Hello");
        assertThat(tokenizer.decodeToken(3186)).isEqualTo(" world");
        assertThat(tokenizer.decodeToken(13)).isEqualTo("\n");
        assertThat(tokenizer.decodeToken(2)).isEqualTo("</s>");
        assertThat(tokenizer.decodeToken(32000)).isEqualTo("<image>");
        assertThat(tokenizer.decodeToken(238)).isEqualTo("<0xEB>");
        assertThat(tokenizer.decodeToken(32063)).isEmpty(); // the model's padded vocabulary
        assertThatThrownBy(() -> tokenizer.decodeToken(-1)).hasMessageContaining("-1");
    }

    @Test
    void streamsWholeCharactersAndJoinsToTheFullDecode() {
        List<long[]> sequences = new ArrayList<>();
        for (JsonNode entry : reference.path("tokenizer")) {
            sequences.add(longs(entry.path("ids")));
        }
        for (JsonNode c : reference.path("cases")) {
            sequences.add(longs(c.path("generated_ids")));
        }
        sequences.add(tokenizer.encode("Emoji 🏃‍♀️ and 한국어 광고 문구 ✨ end", false));
        for (long[] ids : sequences) {
            StreamingDecoder decoder = tokenizer.streamingDecoder();
            StringBuilder joined = new StringBuilder();
            for (long id : ids) {
                String delta = decoder.accept(id);
                assertThat(delta).doesNotContain("\uFFFD");
                assertThat(isWellFormed(delta)).as("delta %s has no half surrogate pair", delta).isTrue();
                joined.append(delta);
            }
            joined.append(decoder.finish());
            String expected = tokenizer.decode(ids);
            assertThat(joined.toString()).isEqualTo(expected);
            assertThat(decoder.text()).isEqualTo(expected);
        }
    }

    @Test
    void holdsBackAnIncompleteCharacterUntilItsLastByte() {
        long[] ids = tokenizer.encode("🏃", false); // ▁ + four byte-fallback tokens
        assertThat(ids).containsExactly(29871L, 243L, 162L, 146L, 134L);
        StreamingDecoder decoder = tokenizer.streamingDecoder();
        List<String> deltas = new ArrayList<>();
        for (long id : ids) {
            deltas.add(decoder.accept(id));
        }
        assertThat(deltas).containsExactly("", "", "", "", "🏃");
        assertThat(decoder.finish()).isEmpty();
    }

    @Test
    void idsPastTheTokenizerButInsideTheModelVocabularyDecodeToNothing() {
        assertThat(tokenizer.decode(new long[] {15043, 32050, 3186})).isEqualTo("Hello world");
        StreamingDecoder decoder = tokenizer.streamingDecoder();
        assertThat(decoder.accept(15043) + decoder.accept(32063) + decoder.accept(3186) + decoder.finish())
                .isEqualTo("Hello world");
    }

    @Test
    void encodesFromManyThreadsAtOnce() throws Exception {
        JsonNode korean = reference.path("tokenizer").get(2);
        long[] expected = longs(korean.path("ids"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        long[] ids = tokenizer.encode(korean.path("text").asText(), true);
                        if (!java.util.Arrays.equals(ids, expected)
                                || !tokenizer.decode(ids).equals(korean.path("decoded").asText())) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMissingTokenizerFileIsNamed(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> LlavaTokenizer.load(dir))
                .hasMessageContaining(dir.resolve("tokenizer.json").toString())
                .hasMessageContaining("incomplete");
        Files.writeString(dir.resolve("tokenizer.json"), "{\"model\": {}}");
        assertThatThrownBy(() -> LlavaTokenizer.load(dir)).hasMessageContaining("model.vocab");
    }

    private static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
