/**
 * The trace history of a variant and its job: rows with key result fields, and the request and
 * response JSON of the selected trace, pretty-printed.
 */
package adreview.ui.trace;
