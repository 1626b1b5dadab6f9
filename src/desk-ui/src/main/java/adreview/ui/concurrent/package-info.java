/**
 * Background work for the UI: one executor that runs database calls and image decoding off the
 * JavaFX thread and delivers results back on it. Used by view models; depends on nothing else in the desk.
 */
package adreview.ui.concurrent;
