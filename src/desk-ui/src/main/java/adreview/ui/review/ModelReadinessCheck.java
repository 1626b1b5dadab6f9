package adreview.ui.review;

import adreview.review.ReviewModel;

import java.nio.file.Path;

/**
 * Whether the desk can run stages: first the configured model folder (what is missing, how to get it),
 * then the review model's own verdict (e.g. an engine that cannot run on this machine). A server backend has no
 * folder: only its own verdict counts (no server URL configured). Touches files only;
 * call it off the FX thread all the same.
 */
public final class ModelReadinessCheck {

    private ModelReadinessCheck() {
    }

    public static ModelReadiness check(Path configuredModelDir, ReviewModel model) {
        if (!ReviewModel.LOCAL.equals(model.backend())) {
            // A server backend needs no model folder (and no Models window): only its own configuration.
            var reason = model.unavailableReason();
            return reason.isPresent() ? ModelReadiness.serverMissing(reason.get()) : ModelReadiness.ready(model.describe());
        }
        ModelReadiness folder = ModelFolderInspector.inspectConfigured(configuredModelDir);
        if (!folder.ready()) {
            return folder;
        }
        var reason = model.unavailableReason();
        return reason.isPresent() ? ModelReadiness.missing(reason.get(), "") : folder;
    }
}
