/**
 * What the whole window shares: the variants selected in the list (or grid), the one being looked at, and the
 * active filter. Views and view models bind to {@link adreview.ui.state.StateManager} instead of calling each
 * other. Depends only on the desk's domain records.
 */
package adreview.ui.state;
