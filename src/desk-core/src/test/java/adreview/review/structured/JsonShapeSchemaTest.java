package adreview.review.structured;

import adreview.review.result.Results;
import adreview.review.result.Stage1Result;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON Schema a server is given is the local decoder's shape, and its shortest document parses. */
class JsonShapeSchemaTest {

    @Test
    void stage1SchemaRequiresEveryFieldInTheShapesOrderAndNothingElse() {
        JsonShape shape = AnswerShapes.stage1();
        ObjectNode schema = shape.toJsonSchema();

        assertThat(schema.get("type").asText()).isEqualTo("object");
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
        List<String> required = new ArrayList<>();
        schema.get("required").forEach(n -> required.add(n.asText()));
        assertThat(required).containsExactlyElementsOf(shape.fieldNames());
        List<String> properties = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        assertThat(properties).containsExactlyElementsOf(shape.fieldNames());

        JsonNode p = schema.get("properties");
        assertThat(p.at("/is_valid/type").asText()).isEqualTo("boolean");
        assertThat(p.at("/relevance_score/type").asText()).isEqualTo("number");
        assertThat(p.at("/relevance_score/minimum").asInt()).isZero();
        assertThat(p.at("/relevance_score/maximum").asInt()).isEqualTo(1);
        assertThat(p.at("/analysis/maxLength").asInt()).isEqualTo(AnswerShapes.ANALYSIS_BYTES);
        assertThat(p.at("/issues/type").asText()).isEqualTo("array");
        assertThat(p.at("/issues/maxItems").asInt()).isEqualTo(AnswerShapes.LIST_ITEMS);
        assertThat(p.at("/issues/items/maxLength").asInt()).isEqualTo(AnswerShapes.ITEM_BYTES);
        assertThat(p.at("/font_recommendation/additionalProperties").asBoolean()).isFalse();
        assertThat(p.at("/font_recommendation/properties/style/enum").toString()).isEqualTo("[\"bold\",\"serif\",\"sans-serif\"]");
        assertThat(p.at("/font_recommendation/required").size()).isEqualTo(3);
    }

    @Test
    void theShortestDocumentEachSchemaAllowsIsAValidAnswer() {
        // What a server's grammar lets a model write with the fewest tokens (the llamakit's tiny model does exactly this).
        Stage1Result s1 = Results.stage1(shortest(AnswerShapes.stage1().toJsonSchema()).toString(), true);
        assertThat(s1.relevanceScore()).isZero();
        assertThat(s1.analysis()).isEmpty();
        assertThat(s1.font().style().wire()).isEqualTo("bold");
        Results.stage1(shortest(AnswerShapes.stage1NoAdCopy().toJsonSchema()).toString(), false);
        assertThat(Results.stage2(shortest(AnswerShapes.stage2().toJsonSchema()).toString()).issues()).isEmpty();
    }

    @Test
    void aNumberTheServerDidNotBoundIsStillRejectedByTheParser() {
        // llama.cpp does not enforce minimum/maximum on numbers: the parser does.
        String answer = "{\"is_valid\":true,\"image_quality_ok\":true,\"relevance_score\":1.5,\"analysis\":\"\","
                + "\"issues\":[],\"recommendations\":[]}";
        assertThatThrownBy(() -> Results.stage1(answer, false)).hasMessageContaining("relevance_score must be within 0.0-1.0");
    }

    private static JsonNode shortest(JsonNode schema) {
        var json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        return switch (schema.get("type").asText()) {
            case "object" -> {
                ObjectNode o = json.objectNode();
                schema.get("properties").fields().forEachRemaining(e -> o.set(e.getKey(), shortest(e.getValue())));
                yield o;
            }
            case "array" -> json.arrayNode();
            case "string" -> json.textNode("");
            case "number", "integer" -> json.numberNode(0);
            case "boolean" -> json.booleanNode(true);
            default -> throw new IllegalArgumentException(schema.toString());
        };
    }
}
