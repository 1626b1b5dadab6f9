package adreview.app;

/** Where an effective configuration value came from, lowest precedence first. */
public enum ConfigSource {
    DEFAULT("default"),
    /**
     * PostgreSQL's password file ({@code ~/.pgpass} or {@code PGPASSFILE}): the database password only, and only
     * when no other source gives one.
     */
    PASSWORD_FILE("password file"),
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
