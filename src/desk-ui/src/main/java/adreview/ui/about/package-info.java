/**
 * The settings/about dialog: the effective configuration with each value's source, and the versions
 * of the desk, Java, JavaFX and the database.
 */
package adreview.ui.about;
