package adreview.ui;

import adreview.review.decision.Verdict;
import adreview.ui.i18n.Messages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/** How the desk writes ids, times, latencies and scores: the same everywhere. */
public final class Formats {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    private static final DateTimeFormatter SHORT_TIME =
            DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter TRACE_TIME =
            DateTimeFormatter.ofPattern("MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    private Formats() {
    }

    /** First 8 hex digits, enough to tell variants apart on screen; the full id is in the metadata. */
    public static String shortId(UUID id) {
        return id == null ? "" : id.toString().substring(0, 8);
    }

    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** "11-26 06:20" for narrow table columns; the full time goes in a tooltip. */
    public static String shortTime(Instant instant) {
        return instant == null ? "" : SHORT_TIME.format(instant);
    }

    /** "11-26 06:20:59" for the trace table, where seconds tell calls apart. */
    public static String traceTime(Instant instant) {
        return instant == null ? "" : TRACE_TIME.format(instant);
    }

    /** "840 ms", "5.2 s", "1 min 12 s". */
    public static String latency(Long millis) {
        if (millis == null) {
            return "";
        }
        if (millis < 1000) {
            return Messages.get("format.ms", String.valueOf(millis));
        }
        if (millis < 60_000) {
            return Messages.get("format.s", String.format(Locale.ROOT, "%.1f", millis / 1000.0));
        }
        return Messages.get("format.min", String.valueOf(millis / 60_000), String.valueOf((millis % 60_000) / 1000));
    }

    public static String score(Double score) {
        return score == null ? "" : String.format(Locale.ROOT, "%.2f", score);
    }

    /** "2026-11-26 06:12:03 · analyze · re-judge · 3f2a9c1e": how pickers and lists name a trace. */
    public static String traceLabel(adreview.store.Trace t) {
        boolean rejudge = t.request() != null && t.request().path("rejudge").asBoolean(false);
        String operation = rejudge ? Messages.get("trace.rejudge", t.operationType()) : t.operationType();
        return traceTime(t.createdAt()) + " · " + operation + " · " + shortId(t.traceId());
    }

    /** A reviewer's verdict in the desk's language: "Accept", "Needs fix", "Reject", "Retracted". */
    public static String verdict(Verdict v) {
        return Messages.get("verdict." + v.name().toLowerCase(Locale.ROOT));
    }

    public static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
