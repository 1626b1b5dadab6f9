package adreview.ui.about;

import adreview.ui.data.ConfigEntry;
import adreview.ui.detail.MetadataEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * What the settings/about dialog shows: versions of the desk, Java and JavaFX, the database in use,
 * and the effective configuration with each value's source; {@code connectionTest} (null for none) is the
 * "Test connection" action of the configured backend: blocking, one line back.
 */
public record AboutInfo(List<MetadataEntry> versions, List<ConfigEntry> configuration,
                        java.util.function.Supplier<String> connectionTest) {

    public AboutInfo(List<MetadataEntry> versions, List<ConfigEntry> configuration) {
        this(versions, configuration, null);
    }

    /** The desk's version as written in the jar's manifest, or the build's when run from classes. */
    public static String deskVersion() {
        String v = AboutInfo.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT (development build)";
    }

    public static AboutInfo collect(List<ConfigEntry> configuration, String database) {
        return collect(configuration, database, null);
    }

    public static AboutInfo collect(List<ConfigEntry> configuration, String database,
                                    java.util.function.Supplier<String> connectionTest) {
        List<MetadataEntry> versions = new ArrayList<>();
        versions.add(new MetadataEntry("Ad Review Desk", deskVersion()));
        versions.add(new MetadataEntry("Java", System.getProperty("java.version") + " ("
                + System.getProperty("java.vm.name") + ", " + System.getProperty("java.vendor") + ")"));
        versions.add(new MetadataEntry("JavaFX", String.valueOf(System.getProperty("javafx.runtime.version",
                System.getProperty("javafx.version", "unknown")))));
        versions.add(new MetadataEntry("Operating system", System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")"));
        versions.add(new MetadataEntry("Database", database == null || database.isBlank() ? "not connected" : database));
        return new AboutInfo(List.copyOf(versions), List.copyOf(configuration), connectionTest);
    }
}
