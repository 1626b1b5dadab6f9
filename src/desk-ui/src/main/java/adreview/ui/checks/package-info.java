/**
 * JavaFX views of the measured checks: {@link adreview.ui.checks.MeasuredPanel} (per-box contrast,
 * call to action, occlusion, quality, disagreements with the model) and
 * {@link adreview.ui.checks.OverlayBoxesLayer} (text boxes drawn over the ad, coloured by verdict).
 * They only display an {@link adreview.checks.MeasuredReport}; loading and measuring happen off the FX thread elsewhere.
 */
package adreview.ui.checks;
