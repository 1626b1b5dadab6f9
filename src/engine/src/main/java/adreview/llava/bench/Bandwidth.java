package adreview.llava.bench;

/**
 * The machine's read bandwidth, measured the way a decode step reads: one large sequential read, all cores, the
 * best of several passes. The benchmark divides a token's bytes by it: the time no kernel can beat.
 *
 * @param gbs       bytes per nanosecond (GB/s) of the fastest pass
 * @param medianGbs of the median pass: how much of the best the machine gave over the run (on a shared machine
 *                  the two can be far apart)
 * @param method    what was read and how
 * @param passes    how many passes the best is of
 */
public record Bandwidth(double gbs, double medianGbs, String method, int passes) {

    /** The better of two measurements (the machine's bandwidth is its best; noise only ever lowers it). */
    public Bandwidth best(Bandwidth other) {
        return other == null || gbs >= other.gbs ? this : other;
    }

    /** Milliseconds to read {@code bytes} at this bandwidth. */
    public double floorMs(long bytes) {
        return bytes / gbs / 1e6;
    }

}
