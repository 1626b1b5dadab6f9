package adreview.llava.config;

/** config.json is missing, unreadable or describes a model the engine does not run; the message names the file. */
public class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
