package adreview.ui.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrettyJsonTest {

    @Test
    void indentsObjectsWithTwoSpacesAndKeepsUnicode() {
        String pretty = PrettyJson.format("{\"ad_copy_text\":\"향긋한 녹차\",\"issues\":[\"a\",\"b\"],\"n\":{\"x\":1}}");
        assertThat(pretty).isEqualTo("""
                {
                  "ad_copy_text" : "향긋한 녹차",
                  "issues" : [ "a", "b" ],
                  "n" : {
                    "x" : 1
                  }
                }""");
    }

    @Test
    void invalidJsonIsShownAsItIsWithANote() {
        String pretty = PrettyJson.format("The image shows {a cup");
        assertThat(pretty).startsWith("(not valid JSON:").endsWith("\n\nThe image shows {a cup");
    }

    @Test
    void missingJsonSaysEmpty() {
        assertThat(PrettyJson.format((String) null)).isEqualTo("(empty)");
        assertThat(PrettyJson.format("  ")).isEqualTo("(empty)");
    }
}
