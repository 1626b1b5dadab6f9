package adreview.ui.review;

import adreview.store.Trace;
import adreview.store.TraceRepository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** A variant's traces from {@code vlm_traces}, newest first. */
public final class RepositoryTraceSource implements TraceSource {

    private final TraceRepository traces;

    public RepositoryTraceSource(TraceRepository traces) {
        this.traces = traces;
    }

    @Override
    public List<TraceEntry> tracesOf(UUID variantId) {
        List<TraceEntry> out = new ArrayList<>();
        for (Trace t : traces.forVariant(variantId)) {
            out.add(new TraceEntry(t.traceId(), t.createdAt(), t.operationType(),
                    t.latencyMs() == null ? 0 : t.latencyMs(), t.request(), t.response()));
        }
        out.sort(Comparator.comparing(TraceEntry::createdAt).reversed());
        return out;
    }
}
