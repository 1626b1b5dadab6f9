package adreview.checks;

/** How the subject of a generated image is found. */
public enum SaliencyMethod {
    /**
     * Frequency-tuned colour saliency (Achanta et al. 2009), subject above 2× mean: marks the whole
     * body of a product against a designed backdrop. The default.
     */
    COLOUR(2.0),
    /** Spectral residual (Hou &amp; Zhang 2007), subject above 3× mean: small details and outlines. */
    SPECTRAL_RESIDUAL(3.0);

    private final double meanFactor;

    SaliencyMethod(double meanFactor) {
        this.meanFactor = meanFactor;
    }

    /** The object-map threshold of the method's paper, as a multiple of the map's mean. */
    public double meanFactor() {
        return meanFactor;
    }
}
