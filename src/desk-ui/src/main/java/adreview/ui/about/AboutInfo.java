package adreview.ui.about;

import adreview.desk.DeskSetting;
import adreview.ui.detail.MetadataEntry;
import adreview.ui.i18n.Messages;
import adreview.ui.prefs.UiPreferences;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the settings dialog shows and changes: the reviewer's name and the UI language (remembered), the versions of
 * the desk, Java and JavaFX, the database in use, and the effective configuration with each value's source.
 *
 * @param reviewer    the name decisions and re-judges are recorded with (editable here)
 * @param preferences where the language choice is remembered
 * @param connectionTest "Test connection": asks the configured backend and hands its one line to the callback on the
 *                    UI thread (the asking runs in the background)
 */
public record AboutInfo(List<MetadataEntry> versions, List<DeskSetting> configuration, StringProperty reviewer,
                        UiPreferences preferences, Consumer<Consumer<String>> connectionTest) {

    /** The UI preference that names the language ("en", "ko"); absent: the system's. */
    public static final String LANGUAGE_KEY = "language";

    /** The desk's version as written in the jar's manifest, or the build's when run from classes. */
    public static String deskVersion() {
        String v = AboutInfo.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }

    public static AboutInfo collect(List<DeskSetting> configuration, String database, StringProperty reviewer,
                                    UiPreferences preferences, Consumer<Consumer<String>> connectionTest) {
        List<MetadataEntry> versions = new ArrayList<>();
        versions.add(new MetadataEntry(Messages.get("app.title"), deskVersion()));
        versions.add(new MetadataEntry("Java", System.getProperty("java.version") + " ("
                + System.getProperty("java.vm.name") + ", " + System.getProperty("java.vendor") + ")"));
        versions.add(new MetadataEntry("JavaFX", String.valueOf(System.getProperty("javafx.runtime.version",
                System.getProperty("javafx.version", Messages.get("about.unknown"))))));
        versions.add(new MetadataEntry(Messages.get("about.os"), System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")"));
        versions.add(new MetadataEntry(Messages.get("about.database"), database == null || database.isBlank()
                ? Messages.get("about.notConnected") : database));
        return new AboutInfo(List.copyOf(versions), List.copyOf(configuration), reviewer, preferences, connectionTest);
    }
}
