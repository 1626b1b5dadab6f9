/**
 * The command-line subcommands (picocli), registered in {@link adreview.app.Main}: each opens a
 * {@link adreview.app.DeskContext}, does its work and prints text or JSON. Errors are one line on stderr.
 */
package adreview.app.cli;
