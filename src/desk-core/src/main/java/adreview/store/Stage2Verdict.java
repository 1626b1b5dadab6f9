package adreview.store;

import adreview.review.result.Results;
import adreview.review.result.Stage2Result;
import com.fasterxml.jackson.databind.JsonNode;

/** One-line summary of a Stage 2 (judge) response for the variant list. */
public final class Stage2Verdict {

    private Stage2Verdict() {
    }

    /**
     * "pass" when every check passed, "fail: off brief, occlusion, contrast, no cta" naming the
     * failed ones, "error" for a failed call, null when there is no response.
     */
    public static String summarise(JsonNode response) {
        if (response == null || response.isNull()) {
            return null;
        }
        return Results.fromResponse("judge", response).map(r -> ((Stage2Result) r).verdict()).orElse("error");
    }
}
