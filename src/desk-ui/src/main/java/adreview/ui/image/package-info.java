/**
 * Images in the desk: decoding off the JavaFX thread with readable placeholders for missing or corrupt
 * files, the thumbnail cache of the variant list, and the zoom/pan image control with its pure geometry.
 */
package adreview.ui.image;
