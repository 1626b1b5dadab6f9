package adreview.ui.trace;

import adreview.store.Trace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TraceRowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID VARIANT = UUID.randomUUID();

    private static Trace trace(String op, String request, String response) throws Exception {
        JsonNode req = request == null ? null : JSON.readTree(request);
        JsonNode resp = response == null ? null : JSON.readTree(response);
        return new Trace(UUID.randomUUID(), UUID.randomUUID(), VARIANT, "llava", op, req, resp, 840, Instant.now(), Instant.now());
    }

    @Test
    void stage1ShowsScoreAndValidity() throws Exception {
        TraceRow row = TraceRow.of(trace("analyze", "{}", "{\"is_valid\":false,\"image_quality_ok\":true,"
                + "\"relevance_score\":0.4,\"analysis\":\"a\",\"issues\":[],\"recommendations\":[]}"), VARIANT);
        assertThat(row.result()).isEqualTo("score 0.40 · not valid");
        assertThat(row.scope()).isEqualTo("variant");
        assertThat(row.latency()).isEqualTo("840 ms");
    }

    @Test
    void stage2NamesEveryFailedCheckAndAReJudgeSaysSo() throws Exception {
        TraceRow pass = TraceRow.of(trace("judge", "{\"rejudge\":true}", "{\"on_brief\":true,\"occlusion\":false,"
                + "\"contrast_ok\":true,\"cta_present\":true,\"analysis\":\"\",\"issues\":[]}"), VARIANT);
        assertThat(pass.result()).isEqualTo("pass");
        assertThat(pass.operation()).isEqualTo("judge · re-judge");
        TraceRow fail = TraceRow.of(trace("judge", "{}", "{\"on_brief\":false,\"occlusion\":true,"
                + "\"contrast_ok\":false,\"cta_present\":false,\"analysis\":\"\",\"issues\":[]}"), UUID.randomUUID());
        assertThat(fail.result()).isEqualTo("fail: off brief, occlusion, contrast, no cta");
        assertThat(fail.scope()).isEqualTo("job");
    }

    @Test
    void errorsWin() throws Exception {
        assertThat(TraceRow.of(trace("analyze", "{}", "{\"error\":\"model output is not valid JSON\",\"raw_text\":\"x\"}"),
                VARIANT).result()).isEqualTo("error: model output is not valid JSON");
        assertThat(TraceRow.of(trace("judge", "{}", "{\"error\":{\"message\":\"CUDA out of memory\"}}"), VARIANT).result())
                .isEqualTo("error: CUDA out of memory");
        assertThat(TraceRow.of(trace("judge", "{}", "{\"error\":\"x\"}"), VARIANT).failed()).isTrue();
    }

    @Test
    void missingOrPartialResponsesShowNothing() throws Exception {
        assertThat(TraceRow.of(trace("analyze", null, null), VARIANT).result()).isEmpty();
        assertThat(TraceRow.of(trace("analyze", "{}", "{\"relevance_score\":\"high\"}"), VARIANT).result()).isEmpty();
    }
}
