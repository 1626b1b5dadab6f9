/**
 * The demo data a fresh desk opens on: jobs, variants, Java2D-drawn product images and overlay renders with their
 * layouts, stored traces, reviewer decisions and re-judges, and planted faults with stable ids
 * ({@link adreview.store.demo.DemoVariants}).
 * Depends only on {@code adreview.store}.
 */
package adreview.store.demo;
