package adreview.checks;

import java.util.List;

/**
 * How much of each text box lies over the subject of the generated image.
 *
 * @param status        MEASURED, or NOT_MEASURED without a generated image or text boxes
 * @param method        how the subject was found; null when not measured
 * @param subjectBounds bounding box of the subject in render pixels, null when none was found
 * @param subjectShare  share of the image the subject covers
 * @param flagThreshold a box is flagged at or above this share over the subject
 */
public record OcclusionResult(Status status, SaliencyMethod method, Rect subjectBounds, double subjectShare, double flagThreshold,
                              List<BoxOcclusion> boxes) {

    public enum Status { MEASURED, NOT_MEASURED }

    /** @param overSubject share (0–1) of the box's area over the subject */
    public record BoxOcclusion(int box, String role, String text, double overSubject, boolean flagged) {
    }

    public OcclusionResult {
        boxes = List.copyOf(boxes);
    }

    public static OcclusionResult notMeasured() {
        return new OcclusionResult(Status.NOT_MEASURED, null, null, 0, 0, List.of());
    }

    /** True when any box is flagged, false when none is, null when not measured. */
    public Boolean anyFlagged() {
        if (status == Status.NOT_MEASURED) {
            return null;
        }
        return boxes.stream().anyMatch(BoxOcclusion::flagged);
    }
}
