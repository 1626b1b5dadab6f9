package adreview.ui.review;

import adreview.store.Trace;
import adreview.ui.Formats;
import adreview.ui.i18n.Messages;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Two traces of one variant side by side: every request and response field, grouped into Call, Prompt,
 * Model and Answer, with the fields that differ marked. Fields are read generically from the JSON, so a
 * new field the review service records shows up without a change here.
 */
public final class TraceComparisonViewModel {

    /** One compared field; {@code left}/{@code right} are "—" where a trace lacks the field. */
    public record Row(String section, String field, String left, String right, boolean changed) { }

    public static final String ABSENT = "—";
    public static final List<String> SECTIONS = List.of("Call", "Prompt", "Model", "Request", "Answer");

    private final ObservableList<Trace> traces = FXCollections.observableArrayList();
    private final ObjectProperty<Trace> left = new SimpleObjectProperty<>();
    private final ObjectProperty<Trace> right = new SimpleObjectProperty<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(Messages.get("compare.noTraces"));

    public TraceComparisonViewModel() {
        left.addListener((o, a, b) -> recompute());
        right.addListener((o, a, b) -> recompute());
    }

    /** Replaces the trace list (newest first) and picks the two newest of the same kind as the newest. */
    public void setTraces(List<Trace> newestFirst) {
        traces.setAll(newestFirst);
        Trace newest = newestFirst.isEmpty() ? null : newestFirst.get(0);
        Trace previous = null;
        for (int i = 1; i < newestFirst.size() && newest != null; i++) {
            if (Objects.equals(newestFirst.get(i).operationType(), newest.operationType())) {
                previous = newestFirst.get(i);
                break;
            }
        }
        if (previous == null && newestFirst.size() > 1) {
            previous = newestFirst.get(1);
        }
        left.set(previous);
        right.set(newest);
        recompute();
    }

    public ObservableList<Trace> traces() { return traces; }
    /** The older trace, picked by the reviewer. */
    public ObjectProperty<Trace> leftProperty() { return left; }
    /** The newer trace, picked by the reviewer. */
    public ObjectProperty<Trace> rightProperty() { return right; }
    public ObservableList<Row> rows() { return rowsView; }
    /** "4 of 23 fields differ", or why nothing is compared. */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    /** Pure comparison, used by the view model and its tests. */
    public static List<Row> compare(Trace a, Trace b) {
        Map<String, Map<String, String>> la = fields(a);
        Map<String, Map<String, String>> lb = fields(b);
        List<Row> out = new ArrayList<>();
        for (String section : SECTIONS) {
            Map<String, String> fa = la.getOrDefault(section, Map.of());
            Map<String, String> fb = lb.getOrDefault(section, Map.of());
            LinkedHashMap<String, Boolean> keys = new LinkedHashMap<>();
            fa.keySet().forEach(k -> keys.put(k, true));
            fb.keySet().forEach(k -> keys.put(k, true));
            for (String k : keys.keySet()) {
                String va = fa.getOrDefault(k, ABSENT);
                String vb = fb.getOrDefault(k, ABSENT);
                // When a trace was made always differs; it is shown, not counted as a change.
                boolean changed = !va.equals(vb) && !(section.equals("Call") && k.equals("created"));
                out.add(new Row(section, k, va, vb, changed));
            }
        }
        return out;
    }

    private void recompute() {
        Trace a = left.get();
        Trace b = right.get();
        if (a == null || b == null) {
            rows.clear();
            summary.set(traces.size() < 2 ? Messages.get("compare.needTwo", traces.size()) : Messages.get("compare.pickTwo"));
            return;
        }
        List<Row> r = compare(a, b);
        rows.setAll(r);
        long changed = r.stream().filter(Row::changed).count();
        summary.set(a == b ? Messages.get("compare.sameTrace") : Messages.get("compare.differ", changed, r.size()));
    }

    private static Map<String, Map<String, String>> fields(Trace t) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Map<String, String> call = section(out, "Call");
        call.put("operation", t.operationType());
        call.put("re-judge", Messages.get(t.request() != null && t.request().path("rejudge").asBoolean(false)
                ? "compare.yes" : "compare.no"));
        call.put("latency", Messages.get("format.ms", String.valueOf(t.latencyMs())));
        call.put("created", Formats.traceTime(t.createdAt()));
        if (t.request() != null) {
            flatten("", t.request(), (k, v) -> {
                if (k.equals("rejudge")) {
                    return;
                }
                section(out, requestSection(k)).put(k, v);
            });
        }
        if (t.response() != null) {
            flatten("", t.response(), (k, v) -> section(out, "Answer").put(k, v));
        }
        return out;
    }

    static String requestSection(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.contains("prompt") || k.contains("ad_copy")) {
            return "Prompt";
        }
        if (k.startsWith("backend") || k.startsWith("server.") || k.contains("model") || k.contains("precision")
                || k.contains("device") || k.contains("image_mode")
                || k.contains("schema") || k.contains("sha") || k.contains("dtype") || k.contains("engine")) {
            return "Model";
        }
        if (k.contains("reviewer") || k.contains("reason")) {
            return "Call";
        }
        return "Request";
    }

    private static Map<String, String> section(Map<String, Map<String, String>> m, String s) {
        return m.computeIfAbsent(s, x -> new LinkedHashMap<>());
    }

    private interface FieldSink {
        void put(String key, String value);
    }

    private static void flatten(String prefix, JsonNode n, FieldSink sink) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), sink);
            }
        } else if (n.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode x : n) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append("• ").append(x.isValueNode() ? x.asText() : x.toString());
            }
            sink.put(prefix, sb.length() == 0 ? Messages.get("compare.none") : sb.toString());
        } else {
            sink.put(prefix.isEmpty() ? "value" : prefix, n.isNull() ? "null" : n.asText());
        }
    }
}
