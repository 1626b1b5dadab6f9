/**
 * The desk as the window sees it: one facade ({@link adreview.desk.DeskService}) over the review workflow, the
 * store, the measured checks and the model manager, and the few records that compose their values for a screen
 * (a variant's detail in one round trip, a list row with its decision, the model's readiness). May depend on every
 * other desk-core package; the UI depends on this one and on the domain records, never on repositories or JDBC.
 */
package adreview.desk;
