package adreview.ui.review;

import adreview.review.ReviewModel;

import java.nio.file.Path;

/**
 * Whether the desk can run stages: first the configured model folder (what is missing, how to get it),
 * then the review model's own verdict (e.g. an engine that cannot run on this machine). Touches files only;
 * call it off the FX thread all the same.
 */
public final class ModelReadinessCheck {

    private ModelReadinessCheck() {
    }

    public static ModelReadiness check(Path configuredModelDir, ReviewModel model) {
        ModelReadiness folder = ModelFolderInspector.inspectConfigured(configuredModelDir);
        if (!folder.ready()) {
            return folder;
        }
        var reason = model.unavailableReason();
        return reason.isPresent() ? ModelReadiness.missing(reason.get(), "") : folder;
    }
}
