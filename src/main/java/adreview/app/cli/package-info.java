/**
 * The command-line subcommands registered in {@link adreview.app.Main}. Each prints results on stdout and,
 * on failure, one line on stderr with a non-zero exit code; no stack traces.
 */
package adreview.app.cli;
