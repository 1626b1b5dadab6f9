package adreview.ui.review;

import java.util.List;

/**
 * A parsed model answer as the results views show it. These mirror {@code adreview.review.Stage1Result}
 * and {@code Stage2Result} field by field; the adapter over the review service converts, so the views do
 * not change when the review package evolves.
 */
public sealed interface StageAnswer {

    StageKind stage();

    /** SPEC §2 result. */
    record Stage1Answer(boolean isValid, boolean imageQualityOk, double relevanceScore, String analysis,
                        List<String> issues, List<String> recommendations, FontAdvice font) implements StageAnswer {
        public Stage1Answer {
            issues = List.copyOf(issues == null ? List.of() : issues);
            recommendations = List.copyOf(recommendations == null ? List.of() : recommendations);
            analysis = analysis == null ? "" : analysis;
        }

        @Override
        public StageKind stage() {
            return StageKind.STAGE1;
        }
    }

    /** SPEC §3 result; {@code occlusion == true} is bad (text covers something important). */
    record Stage2Answer(boolean onBrief, boolean occlusion, boolean contrastOk, boolean ctaPresent,
                        String analysis, List<String> issues) implements StageAnswer {
        public Stage2Answer {
            issues = List.copyOf(issues == null ? List.of() : issues);
            analysis = analysis == null ? "" : analysis;
        }

        @Override
        public StageKind stage() {
            return StageKind.STAGE2;
        }
    }

    /** Stage 1's font advice: style bold|serif|sans-serif, size large|medium|small, color light|dark. */
    record FontAdvice(String style, String size, String color) { }
}
