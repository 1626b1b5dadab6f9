/**
 * The detail pane of one variant: image with zoom/pan and generated/render toggle, resolved ad copy
 * with its source, metadata, and the tab region where trace history and later result panes live.
 */
package adreview.ui.detail;
