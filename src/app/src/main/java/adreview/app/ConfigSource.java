package adreview.app;

/** Where an effective configuration value came from, lowest precedence first. */
public enum ConfigSource {
    DEFAULT("default"),
    CONFIG_FILE("config file"),
    ENVIRONMENT("environment"),
    COMMAND_LINE("command line");

    private final String label;

    ConfigSource(String label) {
        this.label = label;
    }

    /** Words for the settings dialog. */
    public String label() {
        return label;
    }
}
