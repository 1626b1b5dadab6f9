/** The startup state of the window: progress while the database opens, a readable message when it cannot. */
package adreview.ui.startup;
