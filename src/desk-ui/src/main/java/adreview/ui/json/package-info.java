/**
 * JSON helpers for the UI: pretty-printing trace requests and responses and picking their key result
 * fields. Pure functions over Jackson; no JavaFX.
 */
package adreview.ui.json;
