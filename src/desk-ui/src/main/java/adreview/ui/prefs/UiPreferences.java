package adreview.ui.prefs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Remembered UI settings, as string values under dotted keys ("reviewer.name", "layout.detail.divider"). Backed by
 * a properties file (written whole and atomically on each change; a failed write is logged, never shown: the desk
 * works without it) or kept in memory (tests). Use on the UI thread.
 */
public final class UiPreferences {

    private static final Logger LOG = LoggerFactory.getLogger(UiPreferences.class);

    private final Path file;
    private final Properties values = new Properties();

    private UiPreferences(Path file) {
        this.file = file;
        if (file != null && Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("UI preferences in {} not read; starting with defaults", file, e);
            }
        }
    }

    /** Preferences kept in {@code file} (created on the first change). */
    public static UiPreferences file(Path file) {
        return new UiPreferences(file);
    }

    /** Preferences that live as long as the object (tests, a desk without a config folder). */
    public static UiPreferences inMemory() {
        return new UiPreferences(null);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key)).filter(v -> !v.isBlank());
    }

    public double getDouble(String key, double fallback) {
        try {
            return get(key).map(Double::parseDouble).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Stores {@code value} (null or blank removes the key). */
    public void put(String key, String value) {
        String old = values.getProperty(key);
        if (value == null || value.isBlank()) {
            if (old == null) {
                return;
            }
            values.remove(key);
        } else {
            if (value.equals(old)) {
                return;
            }
            values.setProperty(key, value);
        }
        save();
    }

    public void putDouble(String key, double value) {
        put(key, Double.toString(value));
    }

    /** Keys starting with {@code prefix}, with their values, sorted. */
    public TreeMap<String, String> withPrefix(String prefix) {
        TreeMap<String, String> out = new TreeMap<>();
        for (String k : values.stringPropertyNames()) {
            if (k.startsWith(prefix)) {
                out.put(k, values.getProperty(k));
            }
        }
        return out;
    }

    private void save() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                values.store(out, "Ad Review Desk: remembered window layout and reviewer settings");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            LOG.warn("UI preferences not saved to {}", file, e);
        }
    }
}
