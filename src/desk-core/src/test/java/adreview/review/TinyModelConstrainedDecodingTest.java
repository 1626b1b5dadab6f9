package adreview.review;

import adreview.llava.Device;
import adreview.llava.LoadOptions;
import adreview.llava.ModelService;
import adreview.llava.Precision;
import adreview.llava.image.ImageMode;
import adreview.review.prompt.PromptLibrary;
import adreview.review.result.Results;
import adreview.review.result.Stage1Result;
import adreview.review.result.Stage2Result;
import adreview.review.structured.AnswerShapes;
import adreview.review.structured.CompiledSchema;
import adreview.review.structured.JsonShape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tiny random LLaVA writes random words, but under the schema constraint every answer, for
 * every fixture image and both stages (with and without ad copy), parses and validates.
 */
class TinyModelConstrainedDecodingTest {

    static ModelService service;
    static LlavaReviewModel model;
    static Path images;

    @BeforeAll
    static void load() {
        Path shared = adreview.llava.Fixtures.fixtures();
        images = shared.resolve("images");
        service = new ModelService();
        model = new LlavaReviewModel(service, shared.resolve("llava-tiny"),
                new LoadOptions(Device.CPU, Precision.FP32), ImageMode.PAD);
    }

    @AfterAll
    static void close() {
        service.close();
    }

    /**
     * Every fixture image, Stage 1 (with ad copy) and Stage 2, each with a budget 40 tokens above the
     * shortest valid answer of its schema: fast enough for every build (each token costs a forward
     * pass). The random model rarely closes an answer by itself, so answers run into the budget and
     * are closed by the constraint, whatever the budget; the desk's full budget is the slow test below.
     */
    @Test
    void everyImageAndStageGivesAnAnswerThatParsesAndValidates() {
        checkAll(min -> min + 40, false);
    }

    /** The same at the desk's full 512 tokens, plus Stage 1 without ad copy. */
    @Test
    @org.junit.jupiter.api.Tag("slow")
    void everyImageAndStageAtTheFullBudget() {
        checkAll(min -> 512, true);
    }

    /** @param budgetFor the max new tokens for a schema, from its shortest valid answer */
    private void checkAll(java.util.function.IntUnaryOperator budgetFor, boolean withoutAdCopy) {
        PromptLibrary prompts = new PromptLibrary();
        CompiledSchema stage1 = new CompiledSchema(AnswerShapes.stage1(), model.vocabulary());
        CompiledSchema stage1Bare = new CompiledSchema(AnswerShapes.stage1NoAdCopy(), model.vocabulary());
        CompiledSchema stage2 = new CompiledSchema(AnswerShapes.stage2(), model.vocabulary());
        int budget1 = budgetFor.applyAsInt(stage1.minTokens());
        int budget1Bare = budgetFor.applyAsInt(stage1Bare.minTokens());
        int budget2 = budgetFor.applyAsInt(stage2.minTokens());
        // Each budget leaves room beyond the shortest valid answer: the model still chooses tokens.
        assertThat(budget1 - stage1.minTokens()).isGreaterThanOrEqualTo(40);
        assertThat(budget2 - stage2.minTokens()).isGreaterThanOrEqualTo(40);
        System.out.printf(java.util.Locale.ROOT, "budgets: stage 1 %d (min %d), stage 2 %d (min %d)%n",
                budget1, stage1.minTokens(), budget2, stage2.minTokens());
        int answers = 0;
        for (String image : List.of("ad_landscape.png", "ad_portrait.png", "ad_rgba.png", "ad_gray.png")) {
            Path file = images.resolve(image);
            long t0 = System.nanoTime();
            long[] firstToken = {0};
            RunListener timing = new RunListener() {
                @Override
                public void token(int n, int max, String text) {
                    if (n == 1) {
                        firstToken[0] = System.nanoTime();
                    }
                }
            };
            ReviewModel.Generation a = model.generate(file, prompts.stage1("Start your morning right").text(),
                    stage1.newConstraint(budget1), budget1, timing, null);
            long t1 = System.nanoTime();
            Stage1Result r1 = Results.stage1(a.text(), true);
            assertThat(r1.font()).as(image).isNotNull();
            assertThat(a.stopReason()).isEqualTo("constraint_complete");
            assertThat(a.tokens()).isLessThanOrEqualTo(budget1);
            System.out.printf(java.util.Locale.ROOT, "tiny model %s stage 1: first token after %.0f ms, %d tokens in %.0f ms%n",
                    image, (firstToken[0] - t0) / 1e6, a.tokens(), (t1 - t0) / 1e6);

            if (withoutAdCopy) {
                ReviewModel.Generation b = model.generate(file, prompts.stage1(null).text(),
                        stage1Bare.newConstraint(budget1Bare), budget1Bare, null, null);
                assertThat(Results.stage1(b.text(), false).relevanceScore()).isBetween(0.0, 1.0);
                answers++;
            }

            ReviewModel.Generation c = model.generate(file, prompts.stage2().text(), stage2.newConstraint(budget2), budget2, null, null);
            Stage2Result r2 = Results.stage2(c.text());
            assertThat(r2.issues().size()).isLessThanOrEqualTo(8);
            assertThat(c.stopReason()).isEqualTo("constraint_complete");
            assertThat(c.tokens()).isLessThanOrEqualTo(budget2);
            answers += 2;
        }
        assertThat(answers).isEqualTo(withoutAdCopy ? 12 : 8);
        assertThat(model.info().folderName()).isEqualTo("llava-tiny");
        assertThat(model.info().precision()).isEqualTo("fp32");
        assertThat(model.info().device()).isEqualTo("cpu");
        assertThat(model.info().imageMode()).isEqualTo("pad");
    }

    @Test
    void anIncompleteFolderIsReportedWithoutLoading() {
        LlavaReviewModel missing = new LlavaReviewModel(new ModelService(), images, LoadOptions.defaults(), ImageMode.PAD);
        assertThat(missing.unavailableReason()).isPresent();
        LlavaReviewModel none = new LlavaReviewModel(new ModelService(), null, LoadOptions.defaults(), ImageMode.PAD);
        assertThat(none.unavailableReason()).get().asString().contains("No model folder is configured");
        assertThat(model.unavailableReason()).isEmpty();
    }
}
