/**
 * Measured checks computed from pixels and overlay layouts (WCAG text contrast, call to action,
 * text over the subject, Stage 1 image quality), entered through {@link adreview.checks.MeasuredChecks}.
 * Pure computation on images in memory: no model, no database, no JavaFX; depends only on Jackson's
 * JsonNode for the layout, and everything may depend on it.
 */
package adreview.checks;
