package adreview.ui.image;

import java.util.ArrayList;
import java.util.List;

/**
 * One zoom and pan shared by several {@link ZoomableImageView}s: the generated image and the render side by side
 * move together, and the large view keeps its zoom when ←/→ bring the next variant. The state is relative (scale
 * against "fit", centre as fractions of the image), so images of different sizes still show the same part.
 */
public final class ZoomLink {

    /** The shared view: fitted, or a relative scale and centre. */
    public record View(boolean fitted, double relativeScale, double centerX, double centerY) {
        public static final View FIT = new View(true, 1, 0.5, 0.5);
    }

    private final List<ZoomableImageView> members = new ArrayList<>();
    private View view = View.FIT;
    private boolean publishing;

    void join(ZoomableImageView member) {
        members.add(member);
    }

    void leave(ZoomableImageView member) {
        members.remove(member);
    }

    /** The view the members share now. */
    public View view() {
        return view;
    }

    /** A member zoomed or panned: the others follow. */
    void publish(ZoomableImageView from, View next) {
        if (publishing) {
            return;
        }
        view = next;
        publishing = true;
        try {
            for (ZoomableImageView m : List.copyOf(members)) {
                if (m != from) {
                    m.applyLinked(next);
                }
            }
        } finally {
            publishing = false;
        }
    }
}
