/**
 * The variant list: its view model (load, filter, selection) and its table view with thumbnails,
 * status badges, filters and J/K navigation.
 */
package adreview.ui.list;
