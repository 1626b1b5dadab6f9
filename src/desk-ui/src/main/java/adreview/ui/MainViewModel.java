package adreview.ui;

import adreview.ui.concurrent.BackgroundExecutor;
import adreview.ui.data.ConfigEntry;
import adreview.ui.data.DeskBackend;
import adreview.ui.data.DeskSession;
import adreview.ui.detail.VariantDetailViewModel;
import adreview.ui.image.ImageDecoder;
import adreview.ui.list.VariantListViewModel;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The window's state: starting (database being opened, with progress text), ready (list and detail
 * live) or failed (a message saying what to do). Owns the session and closes it on shutdown.
 */
public final class MainViewModel implements AutoCloseable {

    /** Where the window is in its life. */
    public enum Phase { STARTING, READY, FAILED }

    private final DeskBackend backend;
    private final BackgroundExecutor executor;
    private final VariantListViewModel list;
    private final VariantDetailViewModel detail;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.STARTING);
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("Starting…");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper database = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private volatile DeskSession session;
    private volatile boolean closed;

    public MainViewModel(DeskBackend backend, BackgroundExecutor executor, ImageDecoder decoder) {
        this.backend = backend;
        this.executor = executor;
        this.list = new VariantListViewModel(executor);
        this.detail = new VariantDetailViewModel(executor, decoder);
        list.selectedProperty().addListener((obs, old, v) -> detail.show(v));
    }

    /** Opens the database in the background; progress messages arrive on the UI thread. */
    public void start() {
        phase.set(Phase.STARTING);
        progress.set("Opening the database…");
        executor.task("open desk session", () -> backend.open(this::reportProgress))
                .onSuccess(opened -> {
                    if (closed) {
                        opened.close();
                        return;
                    }
                    session = opened;
                    database.set(opened.databaseDescription());
                    notice.set(opened.startupNotice());
                    list.setData(opened.data());
                    detail.setData(opened.data());
                    phase.set(Phase.READY);
                    list.refresh();
                })
                .onFailure(error -> {
                    failure.set(Failures.describe(error));
                    phase.set(Phase.FAILED);
                })
                .execute();
    }

    private void reportProgress(String message) {
        executor.onUiThread(() -> progress.set(message));
    }

    /** The open session's data, empty before the database is open (tests compare the window with it). */
    public java.util.Optional<adreview.ui.data.DeskData> data() {
        DeskSession s = session;
        return s == null ? java.util.Optional.empty() : java.util.Optional.of(s.data());
    }

    /** The open session's review parts, empty before the database is open or where the backend has none. */
    public java.util.Optional<adreview.ui.data.ReviewSupport> review() {
        DeskSession s = session;
        return s == null ? java.util.Optional.empty() : s.review();
    }

    /** Tries again after a failure (e.g. after the reviewer started the database). */
    public void retry() {
        if (phase.get() == Phase.FAILED) {
            failure.set("");
            start();
        }
    }

    /** The settings dialog's connection test of the configured backend (blocking; run it off the FX thread). */
    public java.util.Optional<java.util.function.Supplier<String>> connectionTest() {
        return backend.connectionTest();
    }

    /** The effective configuration, from the open session or, before/after a failure, from the backend. */
    public List<ConfigEntry> configuration() {
        DeskSession s = session;
        return s != null ? s.configuration() : backend.configuration();
    }

    public VariantListViewModel list() {
        return list;
    }

    public VariantDetailViewModel detail() {
        return detail;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Why the database could not be opened, in one sentence. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Which database the desk uses, for the status bar. */
    public ReadOnlyStringProperty databaseProperty() {
        return database.getReadOnlyProperty();
    }

    /** What opening the database did that the reviewer should know (interrupted runs recovered); empty for nothing. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Closes the session (pool, embedded PostgreSQL). Safe to call twice. */
    @Override
    public void close() {
        closed = true;
        DeskSession s = session;
        session = null;
        if (s != null) {
            s.close();
        }
    }
}
