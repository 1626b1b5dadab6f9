package adreview.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class PostgresTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void nulIsEscapedInValuesNamesAndArraysAndNothingElseChanges() {
        ObjectNode n = JSON.createObjectNode();
        n.put("raw_text", "a\u0000b");
        n.put("k\u0000ey", 1);
        n.putArray("issues").add("x\u0000").add("plain \\u0000 text");
        n.putObject("nested").put("ok", "été 😀");
        JsonNode safe = PostgresText.json(n);
        assertThat(safe.get("raw_text").asText()).isEqualTo("a\\u0000b");
        assertThat(safe.has("k\\u0000ey")).isTrue();
        assertThat(safe.get("issues").get(0).asText()).isEqualTo("x\\u0000");
        assertThat(safe.get("issues").get(1).asText()).isEqualTo("plain \\u0000 text");
        assertThat(safe.at("/nested/ok").asText()).isEqualTo("été 😀");
        assertThat(n.get("raw_text").asText()).isEqualTo("a\u0000b"); // the caller's node is not changed
    }

    @Test
    void textWithoutNulIsReturnedAsItIs() {
        ObjectNode n = JSON.createObjectNode().put("a", "b");
        assertThat(PostgresText.json(n)).isSameAs(n);
        assertThat(PostgresText.text("no nul")).isEqualTo("no nul");
        assertThat(PostgresText.text(null)).isNull();
    }
}
