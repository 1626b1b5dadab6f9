package adreview.review.prompt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptLibraryTest {

    private final PromptLibrary prompts = new PromptLibrary();

    @Test
    void stage1PlacesTheAdCopyInTheSpecsPrompt() {
        Prompt p = prompts.stage1("Fresh coffee, every morning");
        assertThat(p.version()).isEqualTo("stage1-v1");
        assertThat(p.text()).startsWith("Analyze this image and the following ad copy text:\n\"Fresh coffee, every morning\"\n")
                .contains("3. What is the relevance score (0.0-1.0) between the image and text?")
                .contains("\"font_recommendation\": {\"style\": \"bold/serif/sans-serif\",")
                .doesNotContain("{ad_copy}");
        assertThat(p.chatText()).startsWith("USER: <image>\nAnalyze").endsWith("\"light/dark\"} }\nASSISTANT:");
    }

    @Test
    void stage1WithoutAdCopyUsesTheImageOnlyPrompt() {
        for (String none : new String[] {null, "", "  "}) {
            Prompt p = prompts.stage1(none);
            assertThat(p.version()).isEqualTo("stage1-noadcopy-v1");
            assertThat(p.text()).isEqualTo("Analyze this image and evaluate its quality and suitability for advertising. "
                    + "Respond in JSON format with is_valid, image_quality_ok, relevance_score, analysis, issues, and recommendations.");
        }
    }

    @Test
    void stage2AsksForExactlyItsFields() {
        Prompt p = prompts.stage2();
        assertThat(p.version()).isEqualTo("stage2-v1");
        for (String field : new String[] {"\"on_brief\"", "\"occlusion\"", "\"contrast_ok\"", "\"cta_present\"", "\"analysis\"", "\"issues\""}) {
            assertThat(p.text()).contains(field);
        }
        assertThat(p.text()).doesNotContain("relevance_score").doesNotContain("font");
    }

    @Test
    void anEditedPromptIsMarkedCustom() {
        Prompt p = prompts.custom(Prompt.Stage.STAGE1, "Is \"{ad_copy}\" a good fit? Answer in JSON.\n", "Sale now");
        assertThat(p.version()).isEqualTo("custom");
        assertThat(p.isCustom()).isTrue();
        assertThat(p.text()).isEqualTo("Is \"Sale now\" a good fit? Answer in JSON.");
        assertThatThrownBy(() -> prompts.custom(Prompt.Stage.STAGE2, " ", null)).hasMessageContaining("must not be empty");
        assertThat(prompts.template("stage1-v1")).contains("{ad_copy}");
    }

    @Test
    void secondVersionsAreRegisteredAndAskForTheSameFields() {
        assertThat(prompts.versions(Prompt.Stage.STAGE1)).containsExactly("stage1-v1", "stage1-v2");
        assertThat(prompts.versions(Prompt.Stage.STAGE2)).containsExactly("stage2-v1", "stage2-v2");
        Prompt s1 = prompts.stage1("Fresh coffee", "stage1-v2");
        assertThat(s1.version()).isEqualTo("stage1-v2");
        assertThat(s1.text()).contains("\"Fresh coffee\"").doesNotContain("{ad_copy}").isNotEqualTo(prompts.stage1("Fresh coffee").text());
        for (String field : new String[] {"\"is_valid\"", "\"image_quality_ok\"", "\"relevance_score\"", "\"font_recommendation\""}) {
            assertThat(s1.text()).contains(field);
        }
        // Without ad copy there is one prompt, whatever the version.
        assertThat(prompts.stage1(" ", "stage1-v2").version()).isEqualTo("stage1-noadcopy-v1");
        Prompt s2 = prompts.stage2("stage2-v2");
        assertThat(s2.version()).isEqualTo("stage2-v2");
        for (String field : new String[] {"\"on_brief\"", "\"occlusion\"", "\"contrast_ok\"", "\"cta_present\""}) {
            assertThat(s2.text()).contains(field);
        }
        assertThatThrownBy(() -> prompts.stage2("stage1-v2")).hasMessageContaining("known: stage2-v1, stage2-v2");
        assertThatThrownBy(() -> prompts.stage1("x", "stage1-v9")).hasMessageContaining("Unknown Stage 1 prompt version");
    }
}
