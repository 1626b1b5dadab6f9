package adreview.ui.detail;

import adreview.ui.Failures;
import adreview.ui.Formats;
import adreview.ui.concurrent.BackgroundExecutor;
import adreview.ui.data.AdCopySource;
import adreview.ui.data.DeskData;
import adreview.ui.data.ImageLocation;
import adreview.ui.data.ResolvedAdCopy;
import adreview.ui.data.VariantDetail;
import adreview.ui.data.VariantSummary;
import adreview.ui.image.ImageDecoder;
import adreview.ui.image.ImageState;
import adreview.ui.trace.TraceHistoryViewModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The detail pane of one variant: metadata, the generated image or the overlay render, the resolved
 * ad copy with its source (the reviewer may type one), and the trace history. All loading goes
 * through the background executor; answers for a variant that is no longer shown are dropped.
 */
public final class VariantDetailViewModel {

    private final BackgroundExecutor executor;
    private final ImageDecoder decoder;
    private final TraceHistoryViewModel traces;

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("No variant selected");
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<MetadataEntry> metadata = FXCollections.observableArrayList();
    private final ObjectProperty<ImageKind> imageKind = new SimpleObjectProperty<>(ImageKind.GENERATED);
    private final ReadOnlyObjectWrapper<ImageState> image =
            new ReadOnlyObjectWrapper<>(new ImageState.Empty("Select a variant"));
    private final ReadOnlyStringWrapper imageSource = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper adCopy = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<AdCopySource> adCopySource = new ReadOnlyObjectWrapper<>(AdCopySource.NONE);
    private final StringProperty typedAdCopy = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<VariantDetail> detail = new ReadOnlyObjectWrapper<>();

    private final Map<ImageKind, ImageState> decoded = new EnumMap<>(ImageKind.class);
    private DeskData data;
    private VariantSummary shown;
    private boolean resettingTypedCopy;
    private long generation;
    private long adCopyGeneration;

    public VariantDetailViewModel(BackgroundExecutor executor, ImageDecoder decoder) {
        this.executor = executor;
        this.decoder = decoder;
        this.traces = new TraceHistoryViewModel(executor);
        imageKind.addListener((obs, old, kind) -> showImage());
        typedAdCopy.addListener((obs, old, text) -> resolveAdCopy());
    }

    public void setData(DeskData data) {
        this.data = data;
        traces.setData(data);
    }

    /** Shows a variant (from the list); {@code null} clears the pane. */
    public void show(VariantSummary summary) {
        long current = ++generation;
        shown = summary;
        resettingTypedCopy = true;
        typedAdCopy.set("");
        resettingTypedCopy = false;
        decoded.clear();
        metadata.clear();
        detail.set(null);
        message.set("");
        adCopy.set("");
        adCopySource.set(AdCopySource.NONE);
        imageSource.set("");
        if (summary == null || data == null) {
            title.set("No variant selected");
            subtitle.set("");
            status.set("");
            image.set(new ImageState.Empty("Select a variant"));
            traces.load(null, null);
            return;
        }
        title.set("Variant " + Formats.shortId(summary.variantId()));
        subtitle.set(Formats.orDash(summary.tenantId()) + " · job " + Formats.shortId(summary.jobId()) + " · "
                + Formats.orDash(summary.step()));
        status.set(summary.status());
        image.set(new ImageState.Empty("Loading image…"));
        traces.load(summary.variantId(), summary.jobId());
        executor.task("variant " + summary.variantId(), () -> data.findVariant(summary.variantId()))
                .onSuccess(found -> onDetail(current, summary, found))
                .onFailure(error -> {
                    if (current == generation) {
                        message.set("Could not load variant " + summary.variantId() + ": " + Failures.describe(error));
                        image.set(new ImageState.Problem("Variant not loaded", Failures.describe(error)));
                    }
                })
                .execute();
        resolveAdCopy();
    }

    private void onDetail(long current, VariantSummary summary, Optional<VariantDetail> found) {
        if (current != generation) {
            return;
        }
        if (found.isEmpty()) {
            message.set("Variant " + summary.variantId() + " is no longer in the database. Refresh the list.");
            image.set(new ImageState.Problem("Variant not found", summary.variantId().toString()));
            return;
        }
        VariantDetail d = found.get();
        detail.set(d);
        status.set(d.status());
        metadata.setAll(metadataOf(d));
        showImage();
    }

    /** The metadata rows in the order a reviewer reads them. */
    static List<MetadataEntry> metadataOf(VariantDetail d) {
        List<MetadataEntry> rows = new ArrayList<>();
        rows.add(new MetadataEntry("Variant id", String.valueOf(d.variantId())));
        rows.add(new MetadataEntry("Job id", String.valueOf(d.jobId())));
        rows.add(new MetadataEntry("Tenant", Formats.orDash(d.tenantId())));
        rows.add(new MetadataEntry("Step / status", Formats.orDash(d.step()) + " / " + Formats.orDash(d.status())));
        rows.add(new MetadataEntry("Variant updated", Formats.time(d.updatedAt())));
        rows.add(new MetadataEntry("Job step / status", Formats.orDash(d.jobStep()) + " / " + Formats.orDash(d.jobStatus())));
        rows.add(new MetadataEntry("Job created", Formats.time(d.jobCreatedAt())));
        rows.add(new MetadataEntry("Image asset", d.imageAssetId() == null ? "—" : d.imageAssetId().toString()));
        rows.add(new MetadataEntry("Image URL", location(d.generated())));
        rows.add(new MetadataEntry("Overlaid asset",
                d.overlaidImageAssetId() == null ? "—" : d.overlaidImageAssetId().toString()));
        rows.add(new MetadataEntry("Render URL", location(d.render())));
        return rows;
    }

    private static String location(ImageLocation loc) {
        if (loc == null || (loc.url() == null && loc.file() == null)) {
            return "—";
        }
        String target = loc.file() != null ? loc.file().toString() : "(" + Formats.orDash(loc.problem()) + ")";
        String source = loc.source() == null ? "" : "  [" + loc.source() + "]";
        return loc.url() + "\n→ " + target + source;
    }

    private void showImage() {
        VariantDetail d = detail.get();
        if (d == null) {
            return;
        }
        ImageKind kind = imageKind.get();
        ImageLocation location = kind == ImageKind.GENERATED ? d.generated() : d.render();
        imageSource.set(location == null || location.url() == null ? "" : location.url()
                + (location.source() == null ? "" : "  (" + location.source() + ")"));
        ImageState known = decoded.get(kind);
        if (known != null) {
            image.set(known);
            return;
        }
        if (kind == ImageKind.RENDER && (location == null || (location.url() == null && location.file() == null))) {
            ImageState none = new ImageState.Problem("No overlay render yet",
                    "This variant has no overlaid image asset and no layout.render.url.");
            decoded.put(kind, none);
            image.set(none);
            return;
        }
        long current = generation;
        image.set(new ImageState.Empty("Decoding image…"));
        executor.task("decode " + kind + " of " + d.variantId(), () -> decoder.decode(location))
                .onSuccess(state -> {
                    if (current == generation) {
                        decoded.put(kind, state);
                        if (imageKind.get() == kind) {
                            image.set(state);
                        }
                    }
                })
                .onFailure(error -> {
                    if (current == generation && imageKind.get() == kind) {
                        image.set(new ImageState.Problem("Image cannot be shown", Failures.describe(error)));
                    }
                })
                .execute();
    }

    private void resolveAdCopy() {
        VariantSummary variant = shown;
        if (data == null || variant == null || resettingTypedCopy) {
            return;
        }
        long current = ++adCopyGeneration;
        String typed = typedAdCopy.get();
        executor.task("ad copy of " + variant.variantId(), () -> data.resolveAdCopy(variant.jobId(), typed))
                .onSuccess(resolved -> {
                    if (current == adCopyGeneration) {
                        adCopy.set(resolved.text());
                        adCopySource.set(resolved.source());
                    }
                })
                .onFailure(error -> {
                    if (current == adCopyGeneration) {
                        adCopy.set("");
                        adCopySource.set(AdCopySource.NONE);
                        message.set("Could not resolve the ad copy: " + Failures.describe(error));
                    }
                })
                .execute();
    }

    public TraceHistoryViewModel traces() {
        return traces;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Empty when all is well; otherwise a readable problem with this variant. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableList<MetadataEntry> metadata() {
        return metadata;
    }

    /** Generated image or overlay render; the view's toggle writes it. */
    public ObjectProperty<ImageKind> imageKindProperty() {
        return imageKind;
    }

    public ReadOnlyObjectProperty<ImageState> imageProperty() {
        return image.getReadOnlyProperty();
    }

    /** The URL of the image shown and how it was found. */
    public ReadOnlyStringProperty imageSourceProperty() {
        return imageSource.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty adCopyProperty() {
        return adCopy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AdCopySource> adCopySourceProperty() {
        return adCopySource.getReadOnlyProperty();
    }

    /** What the reviewer typed; when not blank it wins over generated copy and brief (source TYPED). */
    public StringProperty typedAdCopyProperty() {
        return typedAdCopy;
    }

    public ReadOnlyObjectProperty<VariantDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }
}
