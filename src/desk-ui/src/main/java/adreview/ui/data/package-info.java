/**
 * What the browsing UI reads, as plain records and one interface ({@link adreview.ui.data.DeskData}).
 * The wiring in {@code adreview.app} implements it over the store's repositories, so view models
 * stay independent of SQL and can be tested without JavaFX.
 */
package adreview.ui.data;
