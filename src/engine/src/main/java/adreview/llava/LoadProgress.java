package adreview.llava;

/** Receives loading progress: a fraction in [0, 1] and a phase text fit for a status line. Called on the loading thread. */
@FunctionalInterface
public interface LoadProgress {
    LoadProgress NONE = (fraction, phase) -> { };

    void update(double fraction, String phase);
}
