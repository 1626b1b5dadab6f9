package adreview.review.structured;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The shape of one stage's JSON answer: an object whose fields come in a fixed order, each a
 * boolean, a number in [0, 1], a bounded string, a bounded list of bounded strings, an enum, or a
 * nested object of these. {@link #compile()} turns it into the byte automaton that
 * {@link SchemaConstraint} walks. A fixed key order keeps the automaton small and costs nothing:
 * the model only has to fill in values. {@link #toJsonSchema()} gives the same shape to a server that
 * enforces a JSON Schema itself, so local and remote answers come from one definition.
 */
public final class JsonShape {

    private final String id;
    private final List<Field> fields;

    private JsonShape(String id, List<Field> fields) {
        this.id = id;
        this.fields = List.copyOf(fields);
    }

    /** Schema version id stored with every trace, e.g. {@code stage1-schema-v1}. */
    public String id() {
        return id;
    }

    public List<String> fieldNames() {
        return fields.stream().map(Field::name).toList();
    }

    public static Builder object(String id) {
        return new Builder(id);
    }

    sealed interface Field permits BoolField, Number01Field, StringField, ListField, EnumField, ObjectField {
        String name();
    }

    record BoolField(String name) implements Field { }

    record Number01Field(String name, int maxFractionDigits) implements Field { }

    record StringField(String name, int maxBytes) implements Field { }

    record ListField(String name, int maxItems, int maxItemBytes) implements Field { }

    record EnumField(String name, List<String> values) implements Field { }

    record ObjectField(String name, List<Field> fields) implements Field { }

    /** Collects fields in order. */
    public static final class Builder {
        private final String id;
        private final List<Field> fields = new ArrayList<>();

        private Builder(String id) {
            this.id = id;
        }

        public Builder bool(String name) {
            fields.add(new BoolField(name));
            return this;
        }

        /** A number 0 ≤ x ≤ 1 written as 0, 1, 0.d… or 1.0… with at most {@code maxFractionDigits} digits after the point. */
        public Builder number01(String name, int maxFractionDigits) {
            fields.add(new Number01Field(name, maxFractionDigits));
            return this;
        }

        /** A string whose content (escapes as written) is at most {@code maxBytes} UTF-8 bytes. */
        public Builder string(String name, int maxBytes) {
            fields.add(new StringField(name, maxBytes));
            return this;
        }

        public Builder stringList(String name, int maxItems, int maxItemBytes) {
            fields.add(new ListField(name, maxItems, maxItemBytes));
            return this;
        }

        public Builder enumOf(String name, String... values) {
            fields.add(new EnumField(name, List.of(values)));
            return this;
        }

        public Builder object(String name, Consumer<Builder> nested) {
            Builder b = new Builder(name);
            nested.accept(b);
            fields.add(new ObjectField(name, List.copyOf(b.fields)));
            return this;
        }

        public JsonShape build() {
            return new JsonShape(id, fields);
        }
    }

    /**
     * The shape as a JSON Schema for an OpenAI-compatible {@code response_format: json_schema} (llama.cpp and
     * vLLM turn it into a grammar): every field required, in this order, nothing else. The bounds travel as
     * {@code maxLength} / {@code maxItems} / {@code minimum} / {@code maximum}. A server may enforce fewer of them
     * than the local decoder does (llama.cpp ignores a number's range; {@code maxLength} counts characters where
     * the local bound counts UTF-8 bytes), so an answer is always read by the same strict parser, bounds included.
     * The shortest document the schema allows ({@code true}, {@code 0}, {@code ""}, {@code []}, the first enum
     * value) is a valid answer for that parser.
     */
    public ObjectNode toJsonSchema() {
        return objectSchema(fields);
    }

    private static ObjectNode objectSchema(List<Field> fields) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode schema = json.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        for (Field f : fields) {
            properties.set(f.name(), fieldSchema(f));
            required.add(f.name());
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private static ObjectNode fieldSchema(Field f) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        switch (f) {
            case BoolField b -> s.put("type", "boolean");
            case Number01Field n -> s.put("type", "number").put("minimum", 0).put("maximum", 1);
            case StringField t -> s.put("type", "string").put("maxLength", t.maxBytes());
            case ListField l -> {
                s.put("type", "array");
                s.putObject("items").put("type", "string").put("maxLength", l.maxItemBytes());
                s.put("maxItems", l.maxItems());
            }
            case EnumField e -> {
                s.put("type", "string");
                ArrayNode values = s.putArray("enum");
                e.values().forEach(values::add);
            }
            case ObjectField o -> {
                return objectSchema(o.fields());
            }
        }
        return s;
    }

    /** Flattens the shape into the element sequence of the automaton: ws { ws "k" ws : ws value ws , … } */
    public SchemaAutomaton compile() {
        SchemaAutomaton.Builder a = new SchemaAutomaton.Builder();
        a.ws();
        emitObject(a, fields);
        a.end();
        return a.build();
    }

    private static void emitObject(SchemaAutomaton.Builder a, List<Field> fields) {
        a.literal("{");
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            a.ws();
            a.literal(quote(f.name()));
            a.ws();
            a.literal(":");
            a.ws();
            if (f instanceof BoolField) {
                a.enumOf(List.of("true", "false"));
            } else if (f instanceof Number01Field n) {
                a.number01(n.maxFractionDigits());
            } else if (f instanceof StringField s) {
                a.string(s.maxBytes());
            } else if (f instanceof ListField l) {
                a.stringList(l.maxItems(), l.maxItemBytes());
            } else if (f instanceof EnumField e) {
                a.enumOf(e.values().stream().map(JsonShape::quote).toList());
            } else if (f instanceof ObjectField o) {
                emitObject(a, o.fields());
            }
            a.ws();
            a.literal(i + 1 < fields.size() ? "," : "}");
        }
        if (fields.isEmpty()) {
            a.ws();
            a.literal("}");
        }
    }

    private static String quote(String plain) {
        return "\"" + plain + "\"";
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
