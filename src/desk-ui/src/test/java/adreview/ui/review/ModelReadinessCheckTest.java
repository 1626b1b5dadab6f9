package adreview.ui.review;

import adreview.llava.generate.TokenConstraint;
import adreview.review.ReviewModel;
import adreview.review.RunListener;
import adreview.review.structured.TokenVocabulary;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** A server backend needs no model folder: the Models window is not offered, runs are not blocked by "no model". */
class ModelReadinessCheckTest {

    static ReviewModel server(String unavailable) {
        return new ReviewModel() {
            @Override
            public String backend() {
                return "openai";
            }

            @Override
            public String describe() {
                return "OpenAI-compatible server at gpu:8000, model llava";
            }

            @Override
            public Optional<String> unavailableReason() {
                return Optional.ofNullable(unavailable);
            }

            @Override
            public ModelInfo info() {
                return new ModelInfo("llava", "server", "gpu:8000", "data-url");
            }

            @Override
            public TokenVocabulary vocabulary() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Generation generate(Path image, String prompt, TokenConstraint constraint, int maxNewTokens,
                                       RunListener listener, BooleanSupplier cancelled) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void aConfiguredServerIsReadyWithoutAnyModelFolder() {
        ModelReadiness r = ModelReadinessCheck.check(Path.of("/nowhere/models"), server(null));
        assertThat(r.ready()).isTrue();
        assertThat(r.modelName()).isEqualTo("OpenAI-compatible server at gpu:8000, model llava");
    }

    @Test
    void aServerBackendWithoutAUrlSaysSoAndOffersNoModelDownload() {
        ModelReadiness r = ModelReadinessCheck.check(Path.of("/nowhere/models"), server("The openai backend has no server URL"));
        assertThat(r.ready()).isFalse();
        assertThat(r.problem()).isEqualTo("The openai backend has no server URL");
        assertThat(r.modelFolder()).isFalse();
    }

    @Test
    void theLocalBackendStillNeedsItsFolder() {
        ModelReadiness r = ModelReadinessCheck.check(Path.of("/nowhere/models"), new ScriptedReviewModelStub());
        assertThat(r.ready()).isFalse();
        assertThat(r.modelFolder()).isTrue();
    }

    /** The local backend's defaults (backend "local"). */
    static final class ScriptedReviewModelStub implements ReviewModel {
        @Override
        public ModelInfo info() {
            return new ModelInfo("none", "fp32", "cpu", "pad");
        }

        @Override
        public TokenVocabulary vocabulary() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Generation generate(Path image, String prompt, TokenConstraint constraint, int maxNewTokens,
                                   RunListener listener, BooleanSupplier cancelled) {
            throw new UnsupportedOperationException();
        }
    }
}
