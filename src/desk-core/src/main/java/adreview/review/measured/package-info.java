/**
 * Loads a variant's generated image, render and overlay layout from the store and runs the measured
 * checks ({@link adreview.checks.MeasuredChecks}) on them. Depends on {@code store} and
 * {@code checks}; the CLI's {@code check} command and the UI's Measured panel call it.
 */
package adreview.review.measured;
