package adreview.review.batch;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A batch summed up: how many runs ended which way, the wall time, throughput and the median run time.
 *
 * @param counts       runs per kind (every kind present, 0 when none)
 * @param wallMillis   from the first start to the last end
 * @param medianMillis median time of the runs that started (0 when none did)
 */
public record BatchReport(int runs, int concurrency, Map<BatchResult.Kind, Integer> counts, long wallMillis,
                          long medianMillis) {

    public static BatchReport of(List<BatchResult> results, int concurrency, long wallMillis) {
        Map<BatchResult.Kind, Integer> counts = new EnumMap<>(BatchResult.Kind.class);
        for (BatchResult.Kind k : BatchResult.Kind.values()) {
            counts.put(k, 0);
        }
        results.forEach(r -> counts.merge(r.kind(), 1, Integer::sum));
        long[] times = results.stream().filter(r -> r.kind() != BatchResult.Kind.NOT_STARTED
                        && r.kind() != BatchResult.Kind.REFUSED).mapToLong(BatchResult::millis).sorted().toArray();
        long median = times.length == 0 ? 0 : times.length % 2 == 1 ? times[times.length / 2]
                : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
        return new BatchReport(results.size(), concurrency, Map.copyOf(counts), wallMillis, median);
    }

    public int count(BatchResult.Kind kind) {
        return counts.getOrDefault(kind, 0);
    }

    /** Runs that reached the model and ended (done, failed or superseded) per minute of wall time. */
    public double runsPerMinute() {
        int ended = count(BatchResult.Kind.DONE) + count(BatchResult.Kind.FAILED) + count(BatchResult.Kind.SUPERSEDED);
        return wallMillis <= 0 ? 0 : ended * 60_000.0 / wallMillis;
    }

    /** "8 runs at concurrency 4 in 5.2 s: 7 done, 1 failed; 92.3 runs/min, median 2.1 s per run" */
    public String line() {
        StringBuilder sb = new StringBuilder();
        sb.append(runs).append(runs == 1 ? " run" : " runs").append(" at concurrency ").append(concurrency)
                .append(String.format(Locale.ROOT, " in %.1f s: ", wallMillis / 1000.0));
        String sep = "";
        for (BatchResult.Kind k : BatchResult.Kind.values()) {
            if (count(k) > 0) {
                sb.append(sep).append(count(k)).append(' ').append(k.label());
                sep = ", ";
            }
        }
        sb.append(String.format(Locale.ROOT, "; %.1f runs/min, median %.2f s per run", runsPerMinute(), medianMillis / 1000.0));
        return sb.toString();
    }
}
