package adreview.ui.models;

import adreview.desk.ModelLibrary;
import adreview.ui.i18n.Messages;

import adreview.models.ModelFolderInfo;
import adreview.models.download.Bytes;
import adreview.models.download.DownloadCancellation;
import adreview.models.download.DownloadException;
import adreview.models.download.DownloadProgress;
import adreview.models.download.DownloadRequest;
import adreview.models.download.DownloadResult;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * State and actions of the Models view, without controls. Listing and downloading run on the
 * {@code io} executor; every property changes on the {@code ui} executor (the JavaFX thread in the
 * app), so the view binds to them directly.
 */
public final class ModelsViewModel {

    /** What the message line is: plain information or an error to show in red. */
    public enum MessageKind { INFO, SUCCESS, ERROR }

    private final ModelLibrary service;
    private final Executor io;
    private final Executor ui;

    private final ObservableList<ModelFolderInfo> folders = FXCollections.observableArrayList();
    private final List<Path> addedFolders = new ArrayList<>();
    private final ObjectProperty<Path> inUse = new SimpleObjectProperty<>();
    private final StringProperty repoId = new SimpleStringProperty(DownloadRequest.SUGGESTED_REPOS.get(0));
    private final StringProperty revision = new SimpleStringProperty(DownloadRequest.DEFAULT_REVISION);
    private final ReadOnlyBooleanWrapper listing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper downloading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper resumable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fileText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MessageKind> messageKind = new ReadOnlyObjectWrapper<>(MessageKind.INFO);
    private final ReadOnlyObjectWrapper<DownloadResult> lastResult = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> activeFolder = new ReadOnlyObjectWrapper<>();
    private final AtomicReference<DownloadProgress> pendingProgress = new AtomicReference<>();

    private DownloadCancellation cancellation;
    private int filesDoneListed = -1;
    private DownloadRequest lastRequest;
    private Consumer<ModelFolderInfo> onUse = folder -> { };

    public ModelsViewModel(ModelLibrary service, Executor io, Executor ui) {
        this.service = Objects.requireNonNull(service);
        this.io = Objects.requireNonNull(io);
        this.ui = Objects.requireNonNull(ui);
    }

    // ---- actions -------------------------------------------------------------------------------

    /** Re-reads the folders in the background; the table updates when done. */
    public void refresh() {
        List<Path> added = List.copyOf(addedFolders);
        Path used = inUse.get();
        listing.set(true);
        execute(() -> {
            List<ModelFolderInfo> rows;
            try {
                rows = service.list(added, used);
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    listing.set(false);
                    say(MessageKind.ERROR, Messages.get("models.listFailed", service.modelsDir().toString(),
                            adreview.desk.Problems.describe(e)));
                });
                return;
            }
            ui.execute(() -> {
                // The choice may have changed while the folders were read: mark the current one.
                Path now = inUse.get() == null ? null : inUse.get().toAbsolutePath().normalize();
                folders.setAll(rows.stream().map(f -> f.withInUse(f.path().equals(now))).toList());
                listing.set(false);
            });
        });
    }

    /** Adds a model folder kept outside the models directory. */
    public void addFolder(Path folder) {
        Path abs = folder.toAbsolutePath().normalize();
        if (!addedFolders.contains(abs)) {
            addedFolders.add(abs);
        }
        refresh();
    }

    /** Starts downloading the repository and revision in the form; a second call while one runs is ignored. */
    public void download() {
        if (downloading.get()) {
            return;
        }
        DownloadRequest request = new DownloadRequest(repoId.get(), revision.get(),
                repoId.get() == null || repoId.get().isBlank() ? null : service.folderFor(repoId.get().strip()));
        start(request);
    }

    /** Continues the last cancelled or interrupted download from its partial files. */
    public void resume() {
        if (!downloading.get() && lastRequest != null) {
            start(lastRequest);
        }
    }

    /** Stops the running download; the partial files stay for {@link #resume()}. */
    public void cancel() {
        DownloadCancellation c = cancellation;
        if (c != null) {
            c.cancel();
        }
    }

    /** Makes {@code folder} the model in use and tells the hook (the app switches the shared model). */
    public void use(ModelFolderInfo folder) {
        if (folder == null || !folder.complete()) {
            say(MessageKind.ERROR, folder == null ? Messages.get("models.chooseFirst")
                    : Messages.get("models.incompleteFolder", folder.name(), folder.problems().get(0)));
            return;
        }
        inUse.set(folder.path());
        folders.replaceAll(f -> f.withInUse(f.path().equals(folder.path())));
        say(MessageKind.INFO, Messages.get("models.using", folder.name()));
        onUse.accept(folder);
    }

    /** After the switch: says whether the choice was saved for the next start ({@code saved}: where, or why not). */
    public void usedAndSaved(Path folder, String saved) {
        Path current = inUse.get();
        if (current != null && current.toAbsolutePath().normalize().equals(folder.toAbsolutePath().normalize())) {
            say(MessageKind.INFO, Messages.get("models.usingSaved", String.valueOf(folder.getFileName()), saved));
        }
    }

    public void setOnUse(Consumer<ModelFolderInfo> hook) {
        this.onUse = Objects.requireNonNull(hook);
    }

    private void start(DownloadRequest request) {
        try {
            request.validate();
        } catch (DownloadException e) {
            say(MessageKind.ERROR, e.getMessage());
            return;
        }
        lastRequest = request;
        filesDoneListed = -1;
        DownloadCancellation c = new DownloadCancellation();
        cancellation = c;
        downloading.set(true);
        activeFolder.set(request.folder().toAbsolutePath().normalize());
        resumable.set(false);
        progress.set(-1);
        progressText.set(Messages.get("models.listing"));
        fileText.set(request.repoId() + "@" + request.revision() + " → " + request.folder());
        say(MessageKind.INFO, "");
        execute(() -> {
            try {
                DownloadResult result = service.download(request, this::postProgress, c);
                ui.execute(() -> finished(result));
            } catch (DownloadException e) {
                ui.execute(() -> failed(e));
            } catch (RuntimeException e) {
                ui.execute(() -> failed(new DownloadException(DownloadException.Kind.FAILED,
                        Messages.get("models.downloadFailed", String.valueOf(e.getMessage())), e)));
            }
        });
    }

    private void execute(Runnable work) {
        try {
            io.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // The view is being closed; nothing left to show.
            listing.set(false);
        }
    }

    /** Called on the download thread: keeps only the newest event, so a slow UI thread never falls behind. */
    private void postProgress(DownloadProgress p) {
        if (pendingProgress.getAndSet(p) == null) {
            ui.execute(() -> show(pendingProgress.getAndSet(null)));
        }
    }

    private void show(DownloadProgress p) {
        if (p == null || !downloading.get()) {
            return;
        }
        if (p.phase() != DownloadProgress.Phase.LISTING && p.filesDone() != filesDoneListed) {
            // The folder exists now, and each finished file changes it: keep its row current.
            filesDoneListed = p.filesDone();
            refresh();
        }
        progress.set(p.phase() == DownloadProgress.Phase.LISTING ? -1 : p.fraction());
        progressText.set(p.phase() == DownloadProgress.Phase.LISTING ? Messages.get("models.listing") : p.summary());
        if (p.currentFile() != null) {
            fileText.set(Messages.get(p.phase() == DownloadProgress.Phase.VERIFYING ? "models.file.checking" : "models.file.downloading",
                    p.currentFile(), String.valueOf(Math.min(p.filesDone() + 1, p.filesTotal())), String.valueOf(p.filesTotal())));
        }
    }

    private void finished(DownloadResult result) {
        downloading.set(false);
        activeFolder.set(null);
        cancellation = null;
        lastResult.set(result);
        progress.set(1);
        progressText.set(Messages.get("models.fetched", Bytes.format(result.bytesFetched()),
                String.valueOf(result.alreadyPresent().size())));
        fileText.set(Messages.get("models.savedIn", result.folder().toString()));
        if (result.report().complete()) {
            say(MessageKind.SUCCESS, Messages.get("models.downloaded", lastRequest.repoId()));
        } else {
            say(MessageKind.ERROR, Messages.get("models.downloadedIncomplete", String.valueOf(result.folder().getFileName()),
                    result.report().problems().get(0)));
        }
        refresh();
    }

    private void failed(DownloadException e) {
        downloading.set(false);
        activeFolder.set(null);
        cancellation = null;
        resumable.set(e.resumable());
        if (e.kind() == DownloadException.Kind.CANCELLED) {
            say(MessageKind.INFO, Messages.get("models.cancelled"));
        } else {
            say(MessageKind.ERROR, e.getMessage());
        }
        refresh();
    }

    private void say(MessageKind kind, String text) {
        messageKind.set(kind);
        message.set(text);
    }

    // ---- state ---------------------------------------------------------------------------------

    public ObservableList<ModelFolderInfo> folders() {
        return folders;
    }

    public Path modelsDir() {
        return service.modelsDir();
    }

    public List<String> suggestedRepos() {
        return DownloadRequest.SUGGESTED_REPOS;
    }

    public ObjectProperty<Path> inUseProperty() {
        return inUse;
    }

    public StringProperty repoIdProperty() {
        return repoId;
    }

    public StringProperty revisionProperty() {
        return revision;
    }

    public ReadOnlyBooleanProperty listingProperty() {
        return listing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty downloadingProperty() {
        return downloading.getReadOnlyProperty();
    }

    /** True after a cancelled or interrupted download that {@link #resume()} can continue. */
    public ReadOnlyBooleanProperty resumableProperty() {
        return resumable.getReadOnlyProperty();
    }

    /** 0..1, or -1 (indeterminate) while the file list is fetched. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "4.2 MB of 12.5 MB · 2.0 MB/s · 4 s left" */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The file being fetched or checked. */
    public ReadOnlyStringProperty fileTextProperty() {
        return fileText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MessageKind> messageKindProperty() {
        return messageKind.getReadOnlyProperty();
    }

    /** The folder a download is filling right now, or null. */
    public ReadOnlyObjectProperty<Path> activeFolderProperty() {
        return activeFolder.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DownloadResult> lastResultProperty() {
        return lastResult.getReadOnlyProperty();
    }
}
