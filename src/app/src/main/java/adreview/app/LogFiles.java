package adreview.app;

import java.nio.file.Path;

/**
 * Where the log file goes: {@code <data folder>/logs/desk.log} (see {@code logback.xml}), so that a
 * stack trace never reaches the terminal. Set as the system property {@code adreview.log.dir} before the
 * first logger is created; the data folder comes from {@code --data-dir}, {@code ADREVIEW_DATA_DIR} or
 * the default (the config file's {@code data.dir} is read later and not used for the log).
 */
final class LogFiles {

    static final String PROPERTY = "adreview.log.dir";

    private LogFiles() {
    }

    static void configure(String[] args) {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        System.setProperty(PROPERTY, dataDir(args).resolve("logs").toString());
    }

    static Path dataDir(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--data-dir=")) {
                return Path.of(args[i].substring("--data-dir=".length()));
            }
        }
        String env = System.getenv(DeskConfig.Key.DATA_DIR.envVar());
        if (env != null && !env.isBlank()) {
            return Path.of(env.strip());
        }
        return DeskConfig.defaultDataDir(System.getenv(), DeskConfig.userHome());
    }
}
