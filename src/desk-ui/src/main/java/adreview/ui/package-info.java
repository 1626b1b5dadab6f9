/**
 * The desk's window: {@link adreview.ui.DeskApplication}, its views and their view models. Views only lay
 * out controls; view models hold the state as read-only properties, read the database through
 * {@link adreview.ui.data.DeskData} (implemented in {@code adreview.app}) and run all blocking work on the
 * one {@link adreview.ui.concurrent.BackgroundExecutor}. Styles live in the top-level {@code styles/} folder.
 */
package adreview.ui;
