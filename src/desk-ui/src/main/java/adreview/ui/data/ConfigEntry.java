package adreview.ui.data;

/**
 * One value of the effective configuration, for the settings/about dialog.
 *
 * @param source where the value came from: default, config file, environment variable, command line
 */
public record ConfigEntry(String key, String value, String source) {
}
