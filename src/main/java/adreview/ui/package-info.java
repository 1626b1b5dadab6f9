/**
 * JavaFX views and their view models. Views only lay out controls; view models hold UI state and call into {@code review}, {@code store} and {@code checks}. Styles live in the top-level {@code styles/} folder.
 */
package adreview.ui;
