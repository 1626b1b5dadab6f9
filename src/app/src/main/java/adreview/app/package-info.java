/**
 * Entry points and wiring: the command line (picocli), the JavaFX launcher and the one place where configuration, database, model service and review service are built and connected. Depends on every other package; nothing depends on it.
 */
package adreview.app;
