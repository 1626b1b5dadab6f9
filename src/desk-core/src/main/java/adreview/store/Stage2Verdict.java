package adreview.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

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
        if (response.hasNonNull("error") || !response.isObject()) {
            return "error";
        }
        List<String> failed = new ArrayList<>();
        if (isFalse(response, "on_brief")) {
            failed.add("off brief");
        }
        if (isTrue(response, "occlusion")) {
            failed.add("occlusion");
        }
        if (isFalse(response, "contrast_ok")) {
            failed.add("contrast");
        }
        if (isFalse(response, "cta_present")) {
            failed.add("no cta");
        }
        return failed.isEmpty() ? "pass" : "fail: " + String.join(", ", failed);
    }

    private static boolean isFalse(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isBoolean() && !value.asBoolean();
    }

    private static boolean isTrue(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isBoolean() && value.asBoolean();
    }
}
