package adreview.review.remote;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event stream as llama.cpp and vLLM write it, and what is not the protocol. */
class ChatStreamTest {

    static void feed(ChatStream s, String... lines) {
        for (String l : lines) {
            s.line(l);
        }
    }

    @Test
    void contentDeltasAddUpAndTheLastChunksCarryFinishReasonUsageAndTimings() {
        ChatStream s = new ChatStream();
        feed(s, "data: {\"id\":\"c1\",\"model\":\"tiny-llava\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null}}]}", "",
                ": keep-alive", "",
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"{\\\"a\\\"\"}}]}", "",
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\":1}\"}}]}", "",
                "data: {\"choices\":[{\"finish_reason\":\"stop\",\"index\":0,\"delta\":{}}]}", "",
                "data: {\"choices\":[],\"usage\":{\"completion_tokens\":36,\"prompt_tokens\":614},\"timings\":{\"prompt_ms\":145.2}}", "",
                "data: [DONE]", "");
        s.end();
        assertThat(s.content()).isEqualTo("{\"a\":1}");
        assertThat(s.contentChunks()).isEqualTo(2);
        assertThat(s.tokens()).isEqualTo(36);
        assertThat(s.finishReason()).isEqualTo("stop");
        assertThat(s.model()).isEqualTo("tiny-llava");
        assertThat(s.id()).isEqualTo("c1");
        assertThat(s.timings().get("prompt_ms").asDouble()).isEqualTo(145.2);
        assertThat(s.complete()).isTrue();
    }

    @Test
    void anEventSplitOverSeveralDataLinesIsOneJsonDocument() {
        ChatStream s = new ChatStream();
        feed(s, "data: {\"choices\":[{\"delta\":", "data: {\"content\":\"x\"}}]}", "");
        assertThat(s.content()).isEqualTo("x");
    }

    @Test
    void aStreamThatEndsWithoutDoneOrFinishReasonIsIncomplete() {
        ChatStream s = new ChatStream();
        feed(s, "data: {\"choices\":[{\"delta\":{\"content\":\"{\\\"is_\"}}]}", "");
        s.end();
        assertThat(s.complete()).isFalse();
        assertThat(s.sawEvent()).isTrue();
    }

    @Test
    void linesThatAreNotServerSentEventsAreMalformed() {
        assertThatThrownBy(() -> new ChatStream().line("{\"choices\":[]}"))
                .isInstanceOf(ChatStream.Malformed.class).hasMessageContaining("unexpected line");
        ChatStream notJson = new ChatStream();
        notJson.line("data: {not json");
        assertThatThrownBy(() -> notJson.line("")).isInstanceOf(ChatStream.Malformed.class).hasMessageContaining("not JSON");
        ChatStream noChoices = new ChatStream();
        noChoices.line("data: {\"object\":\"chat.completion.chunk\"}");
        assertThatThrownBy(() -> noChoices.line("")).hasMessageContaining("without 'choices'");
    }

    @Test
    void anErrorObjectInTheStreamIsTheServersError() {
        ChatStream s = new ChatStream();
        s.line("data: {\"error\":{\"code\":500,\"message\":\"slot crashed\"}}");
        assertThatThrownBy(() -> s.line("")).isInstanceOf(ChatStream.ServerError.class).hasMessage("slot crashed");
    }

    @Test
    void aServerThatIgnoredStreamingSendsOneCompletion() {
        ChatStream s = new ChatStream();
        s.plainLine("{\"model\":\"m\",\"choices\":[{\"message\":{\"content\":\"{}\"},\"finish_reason\":\"stop\"}],");
        s.plainLine("\"usage\":{\"completion_tokens\":2}}");
        s.end();
        assertThat(s.content()).isEqualTo("{}");
        assertThat(s.tokens()).isEqualTo(2);
        assertThat(s.complete()).isTrue();
    }
}
