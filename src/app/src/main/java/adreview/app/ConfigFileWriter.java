package adreview.app;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Saves a choice the user made in the window (so far: the model folder) into the user's desk.properties, keeping
 * every other entry. Written to a temporary file beside it and moved over, so a crash never leaves half a file.
 */
public final class ConfigFileWriter {
    private ConfigFileWriter() {
    }

    public static void set(Path configFile, DeskConfig.Key key, String value) throws IOException {
        Properties properties = new Properties();
        if (Files.isRegularFile(configFile)) {
            try (Reader in = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
        }
        properties.setProperty(key.property(), value);
        Path dir = configFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "desk", ".properties.tmp");
        try {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                properties.store(out, "Ad Review Desk settings (the window saves " + key.property()
                        + " when you choose a model; environment and flags still win)");
            }
            Files.move(tmp, configFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
