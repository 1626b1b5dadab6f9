/**
 * Measured checks computed from pixels and overlay layouts (contrast, call to action, occlusion, image quality). Pure computation; no model, no database.
 */
package adreview.checks;
