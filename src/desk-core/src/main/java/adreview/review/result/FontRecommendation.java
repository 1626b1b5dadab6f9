package adreview.review.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Objects;

/** Stage 1's advice for the text overlay: {@code {"style": …, "size": …, "color": …}}. */
public record FontRecommendation(
        @JsonProperty("style") Style style,
        @JsonProperty("size") Size size,
        @JsonProperty("color") Color color) {

    public FontRecommendation {
        Objects.requireNonNull(style, "font_recommendation.style");
        Objects.requireNonNull(size, "font_recommendation.size");
        Objects.requireNonNull(color, "font_recommendation.color");
    }

    public enum Style {
        BOLD("bold"), SERIF("serif"), SANS_SERIF("sans-serif");

        private final String wire;

        Style(String wire) {
            this.wire = wire;
        }

        @JsonValue
        public String wire() {
            return wire;
        }

        @JsonCreator
        public static Style of(String text) {
            return Wire.find(values(), Style::wire, text, "font_recommendation.style");
        }
    }

    public enum Size {
        LARGE("large"), MEDIUM("medium"), SMALL("small");

        private final String wire;

        Size(String wire) {
            this.wire = wire;
        }

        @JsonValue
        public String wire() {
            return wire;
        }

        @JsonCreator
        public static Size of(String text) {
            return Wire.find(values(), Size::wire, text, "font_recommendation.size");
        }
    }

    public enum Color {
        LIGHT("light"), DARK("dark");

        private final String wire;

        Color(String wire) {
            this.wire = wire;
        }

        @JsonValue
        public String wire() {
            return wire;
        }

        @JsonCreator
        public static Color of(String text) {
            return Wire.find(values(), Color::wire, text, "font_recommendation.color");
        }
    }

    /** Exact lookup of an enum by its JSON spelling. */
    static final class Wire {
        private Wire() {
        }

        static <E> E find(E[] values, java.util.function.Function<E, String> wire, String text, String field) {
            for (E v : values) {
                if (wire.apply(v).equals(text)) {
                    return v;
                }
            }
            throw new IllegalArgumentException(field + " must be one of "
                    + Arrays.stream(values).map(wire).toList() + ", got \"" + text + "\"");
        }
    }
}
