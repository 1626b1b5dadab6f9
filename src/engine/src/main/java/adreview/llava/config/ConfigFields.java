package adreview.llava.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the fields of one object of {@code config.json} with messages that name the field by its full path
 * ({@code text_config.num_attention_heads}) and say what is wrong with it. Every number is checked before it is used
 * in arithmetic: a zero never becomes "/ by zero" deep inside the engine, a huge layer count never becomes a
 * million-line report or a multi-gigabyte allocation.
 */
final class ConfigFields {

    /** Far above any LLaVA or LLaMA (70B: hidden 8192, 80 layers, vocab 128256), far below what breaks an int. */
    static final int MAX_SIZE = 1 << 20;
    static final int MAX_LAYERS = 1024;
    static final int MAX_VOCAB = 1 << 22;

    private final JsonNode node;
    private final String prefix;

    ConfigFields(JsonNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    /** The full name of a field of this object, as the message shows it. */
    String name(String field) {
        return prefix + field;
    }

    boolean has(String field) {
        return node.hasNonNull(field);
    }

    /** An integer in {@code [min, max]}, or {@code fallback} when absent. */
    int integer(String field, int fallback, long min, long max) {
        JsonNode f = node.get(field);
        if (f == null || f.isNull()) {
            return fallback;
        }
        if (!f.isIntegralNumber() && !(f.isNumber() && f.asDouble() == Math.rint(f.asDouble()))) {
            throw new IllegalArgumentException(name(field) + " is " + f + "; it must be a whole number");
        }
        if (!f.canConvertToLong() || f.asLong() < min || f.asLong() > max) {
            throw new IllegalArgumentException(name(field) + " is " + f + "; it must be between " + min + " and "
                    + max);
        }
        return (int) f.asLong();
    }

    /** A positive integer up to {@code max}. */
    int positive(String field, int fallback, int max) {
        return integer(field, fallback, 1, max);
    }

    /** A positive, finite number. */
    double positiveReal(String field, double fallback) {
        JsonNode f = node.get(field);
        if (f == null || f.isNull()) {
            return fallback;
        }
        if (!f.isNumber() || !Double.isFinite(f.asDouble()) || f.asDouble() <= 0) {
            throw new IllegalArgumentException(name(field) + " is " + f + "; it must be a positive number");
        }
        return f.asDouble();
    }

    String text(String field, String fallback) {
        JsonNode f = node.get(field);
        if (f == null || f.isNull()) {
            return fallback;
        }
        if (!f.isTextual()) {
            throw new IllegalArgumentException(name(field) + " is " + f + "; it must be a string");
        }
        return f.asText();
    }

    boolean bool(String field, boolean fallback) {
        JsonNode f = node.get(field);
        if (f == null || f.isNull()) {
            return fallback;
        }
        if (!f.isBoolean()) {
            throw new IllegalArgumentException(name(field) + " is " + f + "; it must be true or false");
        }
        return f.asBoolean();
    }

    /** An object field ({@code text_config}), empty when absent. */
    ConfigFields object(String field) {
        JsonNode f = node.get(field);
        if (f != null && !f.isNull() && !f.isObject()) {
            throw new IllegalArgumentException(name(field) + " is " + f + "; it must be an object");
        }
        return new ConfigFields(f == null ? node.path(field) : f, name(field) + ".");
    }

    JsonNode raw(String field) {
        return node.path(field);
    }
}
