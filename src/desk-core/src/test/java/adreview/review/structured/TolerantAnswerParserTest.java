package adreview.review.structured;

import adreview.review.result.FontRecommendation;
import adreview.review.result.Stage1Result;
import adreview.review.result.Stage2Result;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** A table of messy model outputs in the styles LLaVA and friends really write. */
class TolerantAnswerParserTest {

    private final TolerantAnswerParser parser = new TolerantAnswerParser();

    static final String FONT = "\"font_recommendation\": {\"style\": \"bold\", \"size\": \"large\", \"color\": \"light\"}";

    /** raw text, is_valid, score, number of issues, font style (null = none). */
    static Stream<Arguments> stage1Outputs() {
        return Stream.of(
                arguments("clean JSON", "{\"is_valid\": true, \"image_quality_ok\": true, \"relevance_score\": 0.85, \"analysis\": \"Good.\", "
                        + "\"issues\": [], \"recommendations\": [\"Crop\"], " + FONT + "}", true, 0.85, 0, "bold"),
                arguments("prose around", "Sure! Here is my evaluation:\n{\"is_valid\": false, \"image_quality_ok\": true, \"relevance_score\": 0.2, "
                        + "\"analysis\": \"Off topic.\", \"issues\": [\"Wrong product\"], \"recommendations\": [], " + FONT + "}\nLet me know if you need more.",
                        false, 0.2, 1, "bold"),
                arguments("code fence", "```json\n{\"is_valid\": true, \"image_quality_ok\": true, \"relevance_score\": 0.9, \"analysis\": \"ok\", "
                        + "\"issues\": [], \"recommendations\": [], " + FONT + "}\n```", true, 0.9, 0, "bold"),
                arguments("fence without language", "```\n{\"is_valid\": true, \"image_quality_ok\": false, \"relevance_score\": 0.4, \"analysis\": \"blurry\", "
                        + "\"issues\": [\"blur\"], \"recommendations\": [], " + FONT + "}\n```", true, 0.4, 1, "bold"),
                arguments("single quotes", "{'is_valid': True, 'image_quality_ok': True, 'relevance_score': 0.7, 'analysis': 'It's a fine match.', "
                        + "'issues': ['logo is small'], 'recommendations': ['enlarge logo'], 'font_recommendation': {'style': 'serif', 'size': 'medium', 'color': 'dark'}}",
                        true, 0.7, 1, "serif"),
                arguments("python literals", "{\"is_valid\": True, \"image_quality_ok\": False, \"relevance_score\": 0.6, \"analysis\": \"dim\", "
                        + "\"issues\": None, \"recommendations\": [\"brighten\"], " + FONT + "}", true, 0.6, 0, "bold"),
                arguments("trailing commas", "{\"is_valid\": true, \"image_quality_ok\": true, \"relevance_score\": 0.8, \"analysis\": \"ok\", "
                        + "\"issues\": [\"a\", \"b\",], \"recommendations\": [], " + FONT + ",}", true, 0.8, 2, "bold"),
                arguments("score as fraction", "{\"is_valid\": true, \"image_quality_ok\": true, \"relevance_score\": 0.8/1.0, \"analysis\": \"ok\", "
                        + "\"issues\": [], \"recommendations\": [], " + FONT + "}", true, 0.8, 0, "bold"),
                arguments("score out of ten", "{\"is_valid\": true, \"image_quality_ok\": true, \"relevance_score\": 7/10, \"analysis\": \"ok\", "
                        + "\"issues\": [], \"recommendations\": [], " + FONT + "}", true, 0.7, 0, "bold"),
                arguments("score as percent", "{\"is_valid\": true, \"image_quality_ok\": true, \"relevance_score\": 80%, \"analysis\": \"ok\", "
                        + "\"issues\": [], \"recommendations\": [], " + FONT + "}", true, 0.8, 0, "bold"),
                arguments("score quoted", "{\"is_valid\": true, \"image_quality_ok\": true, \"relevance_score\": \"0.75\", \"analysis\": \"ok\", "
                        + "\"issues\": [], \"recommendations\": [], " + FONT + "}", true, 0.75, 0, "bold"),
                arguments("score as whole percent", "{\"is_valid\": true, \"image_quality_ok\": true, \"relevance_score\": 85, \"analysis\": \"ok\", "
                        + "\"issues\": [], \"recommendations\": [], " + FONT + "}", true, 0.85, 0, "bold"),
                arguments("unquoted keys", "{is_valid: true, image_quality_ok: true, relevance_score: 0.5, analysis: \"meh\", issues: [\"x\"], "
                        + "recommendations: [], font_recommendation: {style: \"bold\", size: \"small\", color: \"dark\"}}", true, 0.5, 1, "bold"),
                arguments("smart quotes", "{\u201Cis_valid\u201D: true, \u201Cimage_quality_ok\u201D: true, \u201Crelevance_score\u201D: 0.9, "
                        + "\u201Canalysis\u201D: \u201Cnice\u201D, \u201Cissues\u201D: [], \u201Crecommendations\u201D: [], "
                        + "\u201Cfont_recommendation\u201D: {\u201Cstyle\u201D: \u201Csans-serif\u201D, \u201Csize\u201D: \u201Clarge\u201D, \u201Ccolor\u201D: \u201Clight\u201D}}",
                        true, 0.9, 0, "sans-serif"),
                arguments("truncated in a string", "{\"is_valid\": true, \"image_quality_ok\": true, \"relevance_score\": 0.66, \"analysis\": \"The image shows a beach at sun",
                        true, 0.66, 0, null),
                arguments("truncated in a list", "{\"is_valid\": false, \"image_quality_ok\": true, \"relevance_score\": 0.3, \"analysis\": \"x\", "
                        + "\"issues\": [\"The product is missing\", \"Text area too bu", false, 0.3, 2, null),
                arguments("truncated after a key", "{\"is_valid\": true, \"image_quality_ok\": true, \"relevance_score\": 0.9, \"analysis\": \"x\", \"issues\": [], \"recommendations\":",
                        true, 0.9, 0, null),
                arguments("pretty printed with newlines", "{\n    \"is_valid\": true,\n    \"image_quality_ok\": true,\n    \"relevance_score\": 0.95,\n"
                        + "    \"analysis\": \"Great\",\n    \"issues\": [],\n    \"recommendations\": [\n        \"None\"\n    ],\n"
                        + "    " + FONT + "\n}", true, 0.95, 0, "bold"),
                arguments("missing commas between lines", "{\n\"is_valid\": true\n\"image_quality_ok\": true\n\"relevance_score\": 0.5\n\"analysis\": \"ok\"\n"
                        + "\"issues\": []\n\"recommendations\": []\n}", true, 0.5, 0, null),
                arguments("camelCase keys", "{\"isValid\": true, \"imageQualityOk\": true, \"relevanceScore\": 0.4, \"analysis\": \"ok\", \"issues\": [], "
                        + "\"recommendations\": [], \"fontRecommendation\": {\"style\": \"Bold\", \"size\": \"Large\", \"color\": \"Dark\"}}", true, 0.4, 0, "bold"),
                arguments("yes/no booleans and font with spaces", "{\"is_valid\": \"yes\", \"image_quality_ok\": \"no\", \"relevance_score\": 0.3, \"analysis\": \"ok\", "
                        + "\"issues\": \"The text is unreadable\", \"recommendations\": [], "
                        + "\"font_recommendation\": {\"style\": \"Sans Serif\", \"size\": \"medium\", \"color\": \"light\"}}", true, 0.3, 1, "sans-serif"),
                arguments("comments inside", "{\n  \"is_valid\": true, // matches\n  \"image_quality_ok\": true,\n  \"relevance_score\": 0.7, /* fairly */\n"
                        + "  \"analysis\": \"ok\", \"issues\": [], \"recommendations\": []\n}", true, 0.7, 0, null),
                arguments("template echoed for the font", "{\"is_valid\": true, \"image_quality_ok\": true, \"relevance_score\": 0.8, \"analysis\": \"ok\", "
                        + "\"issues\": [], \"recommendations\": [], \"font_recommendation\": {\"style\": \"bold/serif/sans-serif\", \"size\": \"large\", \"color\": \"light\"}}",
                        true, 0.8, 0, null),
                arguments("escaped quotes and unicode", "{\"is_valid\": true, \"image_quality_ok\": true, \"relevance_score\": 0.8, "
                        + "\"analysis\": \"The copy \\\"\uC2E0\uC120\uD55C \uCEE4\uD53C\\\" fits \\u2615\", \"issues\": [], \"recommendations\": [], " + FONT + "}",
                        true, 0.8, 0, "bold"),
                arguments("1/0 booleans and score 1", "{\"is_valid\": 1, \"image_quality_ok\": 0, \"relevance_score\": 1, \"analysis\": \"ok\", \"issues\": [], "
                        + "\"recommendations\": [], " + FONT + "}", true, 1.0, 0, "bold"),
                arguments("assistant prefix and a colon after the object", "ASSISTANT: The answer is: {\"is_valid\": false, \"image_quality_ok\": false, "
                        + "\"relevance_score\": 0.0, \"analysis\": \"empty\", \"issues\": [\"no subject\"], \"recommendations\": [\"regenerate\"]}.",
                        false, 0.0, 1, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stage1Outputs")
    void readsMessyStage1Output(String name, String raw, boolean valid, double score, int issues, String fontStyle) {
        ParsedAnswer<Stage1Result> a = parser.stage1(raw);
        assertThat(a).as(name + ": " + (a instanceof ParsedAnswer.Failed<Stage1Result> f ? f.error() : ""))
                .isInstanceOf(ParsedAnswer.Parsed.class);
        Stage1Result r = ((ParsedAnswer.Parsed<Stage1Result>) a).result();
        assertThat(r.isValid()).isEqualTo(valid);
        assertThat(r.relevanceScore()).isCloseTo(score, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.issues()).hasSize(issues);
        assertThat(r.font() == null ? null : r.font().style().wire()).isEqualTo(fontStyle);
        assertThat(a.rawText()).isEqualTo(raw);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                arguments("prose only", "The image shows a cup of coffee. It matches the ad copy well. Score: 0.8", "no JSON object"),
                arguments("empty", "   ", "no text"),
                arguments("missing verdict", "{\"image_quality_ok\": true, \"relevance_score\": 0.5, \"analysis\": \"ok\"}", "is_valid is missing"),
                arguments("score out of range", "{\"is_valid\": true, \"image_quality_ok\": true, \"relevance_score\": 150, \"analysis\": \"ok\"}", "relevance_score"),
                arguments("score not a number", "{\"is_valid\": true, \"image_quality_ok\": true, \"relevance_score\": \"high\", \"analysis\": \"ok\"}", "relevance_score"),
                arguments("truncated before the score", "{\"is_valid\": true, \"image_quality_ok\": tr", "image_quality_ok must be true or false"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void keepsTheRawTextWhenItCannotRead(String name, String raw, String message) {
        ParsedAnswer<Stage1Result> a = parser.stage1(raw);
        assertThat(a).isInstanceOf(ParsedAnswer.Failed.class);
        assertThat(((ParsedAnswer.Failed<Stage1Result>) a).error()).contains(message);
        assertThat(a.rawText()).isEqualTo(raw);
    }

    @Test
    void readsStage2WithPythonLiteralsAndProse() {
        ParsedAnswer<Stage2Result> a = parser.stage2("Here's the judgement:\n```python\n{'on_brief': True, 'occlusion': False, "
                + "'contrast_ok': True, 'cta_present': False, 'analysis': 'Readable, but no call to action.', 'issues': ['No CTA',]}\n```");
        assertThat(a).isInstanceOf(ParsedAnswer.Parsed.class);
        ParsedAnswer.Parsed<Stage2Result> p = (ParsedAnswer.Parsed<Stage2Result>) a;
        assertThat(p.result()).isEqualTo(new Stage2Result(true, false, true, false, "Readable, but no call to action.", List.of("No CTA")));
        assertThat(p.repairs()).anyMatch(s -> s.contains("single-quoted")).anyMatch(s -> s.contains("True"));
    }

    @Test
    void cleanJsonNeedsNoRepairs() {
        ParsedAnswer<Stage2Result> a = parser.stage2("{\"on_brief\": false, \"occlusion\": true, \"contrast_ok\": false, "
                + "\"cta_present\": true, \"analysis\": \"Text covers the face.\", \"issues\": [\"occludes face\"]}");
        assertThat(((ParsedAnswer.Parsed<Stage2Result>) a).repairs()).isEmpty();
        assertThat(((ParsedAnswer.Parsed<Stage2Result>) a).result().occlusion()).isTrue();
    }

    @Test
    void numbersInManySpellings() {
        assertThat(LenientJsonReader.number("0.8/1.0")).isEqualTo(0.8);
        assertThat(LenientJsonReader.number("80%")).isEqualTo(0.8);
        assertThat(LenientJsonReader.number(".5")).isEqualTo(0.5);
        assertThat(LenientJsonReader.number("3/0")).isNull();
        assertThat(LenientJsonReader.number("high")).isNull();
    }
}
