/**
 * What the desk remembers about its reviewer between starts: name, language, layout (dividers, column widths,
 * window size), the list/grid mode and saved filter views. Kept in a small properties file the composition root
 * names; depends on nothing else in the desk.
 */
package adreview.ui.prefs;
