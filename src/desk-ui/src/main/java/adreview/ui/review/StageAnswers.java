package adreview.ui.review;

import adreview.review.result.FontRecommendation;
import adreview.review.result.Stage1Result;
import adreview.review.result.Stage2Result;

/** Converts the review package's result records into what the result views show. */
public final class StageAnswers {

    private StageAnswers() {
    }

    /** @param result a {@link Stage1Result} or {@link Stage2Result} */
    public static StageAnswer of(Object result) {
        if (result instanceof Stage1Result r) {
            FontRecommendation f = r.font();
            return new StageAnswer.Stage1Answer(r.isValid(), r.imageQualityOk(), r.relevanceScore(), r.analysis(),
                    r.issues(), r.recommendations(),
                    f == null ? null : new StageAnswer.FontAdvice(f.style().wire(), f.size().wire(), f.color().wire()));
        }
        if (result instanceof Stage2Result r) {
            return new StageAnswer.Stage2Answer(r.onBrief(), r.occlusion(), r.contrastOk(), r.ctaPresent(), r.analysis(), r.issues());
        }
        throw new IllegalArgumentException("Not a stage result: " + (result == null ? "null" : result.getClass().getName()));
    }
}
