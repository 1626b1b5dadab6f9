package adreview.models.download;

import java.time.Duration;

/**
 * A snapshot of a running download. Byte counts cover all files of the download (files already in
 * place and resumed {@code .part} bytes count as done); speed is over the last few seconds of this run.
 */
public record DownloadProgress(Phase phase, String currentFile, int filesDone, int filesTotal,
                               long bytesDone, long bytesTotal, double bytesPerSecond, Duration timeLeft) {

    public enum Phase { LISTING, DOWNLOADING, VERIFYING, DONE }

    /** 0..1, or -1 while the total is unknown. */
    public double fraction() {
        return bytesTotal > 0 ? Math.min(1.0, (double) bytesDone / bytesTotal) : -1;
    }

    /** "12.3 MB of 13.5 GB · 45.1 MB/s · 5 min left" */
    public String summary() {
        StringBuilder s = new StringBuilder(Bytes.format(bytesDone)).append(" of ").append(Bytes.format(bytesTotal));
        if (phase == Phase.DOWNLOADING && bytesPerSecond > 0) {
            s.append(" · ").append(Bytes.format((long) bytesPerSecond)).append("/s");
        }
        if (phase == Phase.DOWNLOADING && timeLeft != null) {
            s.append(" · ").append(formatDuration(timeLeft)).append(" left");
        }
        return s.toString();
    }

    static String formatDuration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
