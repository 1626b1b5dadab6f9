package adreview.ui.review;

import java.util.List;
import java.util.UUID;

/** Reads a variant's traces, newest first. Called off the UI thread. */
public interface TraceSource {
    List<TraceEntry> tracesOf(UUID variantId) throws Exception;
}
