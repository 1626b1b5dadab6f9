package adreview.desk;

/**
 * One value of the effective configuration, as Settings shows it.
 *
 * @param value  the value, or "••••" for a secret that is set
 * @param source where it came from: default, config file, environment variable, command line (with the name)
 */
public record DeskSetting(String name, String value, String source) {
}
