package adreview.ui;

import adreview.desk.DeskService;
import adreview.desk.DeskSetting;
import adreview.desk.DeskStarter;
import adreview.desk.Problems;
import adreview.ui.concurrent.TaskExecutor;
import adreview.ui.i18n.Messages;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The window's life: starting (the database is being opened, with progress), ready (the desk's service is there
 * for every view model) or failed (one sentence saying what to do). Owns the service and closes it on shutdown.
 */
public final class MainViewModel implements AutoCloseable {

    /** Where the window is in its life. */
    public enum Phase { STARTING, READY, FAILED }

    private final DeskStarter starter;
    private final TaskExecutor executor;
    private final List<Consumer<DeskService>> onReady = new ArrayList<>();
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.STARTING);
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper database = new ReadOnlyStringWrapper("");
    private volatile DeskService service;
    private volatile boolean closed;

    public MainViewModel(DeskStarter starter, TaskExecutor executor) {
        this.starter = starter;
        this.executor = executor;
    }

    /** Called with the service once the database is open (on the UI thread); view models connect here. */
    public void whenReady(Consumer<DeskService> connect) {
        onReady.add(connect);
    }

    /** Opens the database in the background; progress arrives on the UI thread. */
    public void start() {
        phase.set(Phase.STARTING);
        progress.set(Messages.get("start.opening"));
        executor.<DeskService, DeskStarter.StartProgress>task(TaskExecutor.Lane.IO, "open the desk",
                        control -> starter.start(control::progress))
                .onProgress(p -> progress.set(describe(p)))
                .onSuccess(opened -> {
                    if (closed) {
                        opened.close();
                        return;
                    }
                    service = opened;
                    database.set(opened.databaseDescription());
                    phase.set(Phase.READY);
                    onReady.forEach(c -> c.accept(opened));
                })
                .onFailure(error -> {
                    failure.set(Problems.describe(error));
                    phase.set(Phase.FAILED);
                })
                .execute();
    }

    static String describe(DeskStarter.StartProgress p) {
        return switch (p.step()) {
            case STARTING_EMBEDDED_DATABASE -> Messages.get("start.embedded", p.where());
            case CONNECTING -> Messages.get("start.connecting", p.where());
            case LOADING_VARIANTS -> Messages.get("start.loading");
        };
    }

    /** Tries again after a failure (e.g. after the reviewer started the database). */
    public void retry() {
        if (phase.get() == Phase.FAILED) {
            failure.set("");
            start();
        }
    }

    /** The open service, empty before the database is open. */
    public Optional<DeskService> service() {
        return Optional.ofNullable(service);
    }

    /** Settings' "Test connection": one line, "OK: …" or "Failed: …"; blocks, so call it on the IO lane. */
    public String testConnection() {
        try {
            return starter.testConnection();
        } catch (RuntimeException e) {
            return Messages.get("about.testFailed", adreview.desk.Problems.describe(e));
        }
    }

    /** The effective configuration, from the open service or, before/after a failure, from the starter. */
    public List<DeskSetting> settings() {
        DeskService s = service;
        return s != null ? s.settings() : starter.settings();
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

    /** Closes the service (heartbeats, pool, embedded PostgreSQL). Safe to call twice. */
    @Override
    public void close() {
        closed = true;
        DeskService s = service;
        service = null;
        if (s != null) {
            s.close();
        }
    }
}
