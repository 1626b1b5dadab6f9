package adreview.ui.detail;

import adreview.desk.DeskService;
import adreview.desk.ListedVariant;
import adreview.desk.Problems;
import adreview.desk.VariantDetail;
import adreview.store.AdCopy;
import adreview.store.AdCopySource;
import adreview.store.AssetLocation;
import adreview.ui.Formats;
import adreview.ui.concurrent.LatestWins;
import adreview.ui.concurrent.TaskExecutor;
import adreview.ui.i18n.Messages;
import adreview.ui.image.ImageDecoder;
import adreview.ui.image.ImageState;
import adreview.ui.trace.TraceHistoryViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The detail area of one variant: header, both images (the generated one and the overlay render, decoded when first
 * shown), the resolved ad copy with its source (the reviewer may type one), the metadata and the history. The whole
 * detail is read in one round trip ({@link DeskService#detail}); answers for a variant the reviewer has left are
 * dropped ({@link LatestWins}).
 */
public final class VariantDetailViewModel {

    private final TaskExecutor executor;
    private final ImageDecoder decoder;
    private final TraceHistoryViewModel traces = new TraceHistoryViewModel();
    private final LatestWins detailLoads = new LatestWins();
    private final LatestWins adCopyLoads = new LatestWins();
    private final Map<ImageKind, LatestWins> imageLoads = new EnumMap<>(ImageKind.class);

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(Messages.get("detail.none"));
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<MetadataEntry> metadata = FXCollections.observableArrayList();
    private final ObjectProperty<ImageKind> imageKind = new SimpleObjectProperty<>(ImageKind.GENERATED);
    private final BooleanProperty sideBySide = new SimpleBooleanProperty(false);
    private final Map<ImageKind, ReadOnlyObjectWrapper<ImageState>> images = new EnumMap<>(ImageKind.class);
    private final Map<ImageKind, ReadOnlyStringWrapper> imageSources = new EnumMap<>(ImageKind.class);
    private final ReadOnlyStringWrapper adCopy = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<AdCopySource> adCopySource = new ReadOnlyObjectWrapper<>(AdCopySource.NONE);
    private final StringProperty typedAdCopy = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<VariantDetail> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ListedVariant> shown = new ReadOnlyObjectWrapper<>();

    private DeskService service;
    private boolean resettingTypedCopy;

    public VariantDetailViewModel(TaskExecutor executor, ImageDecoder decoder) {
        this.executor = executor;
        this.decoder = decoder;
        for (ImageKind k : ImageKind.values()) {
            images.put(k, new ReadOnlyObjectWrapper<>(new ImageState.Empty(Messages.get("image.select"))));
            imageSources.put(k, new ReadOnlyStringWrapper(""));
            imageLoads.put(k, new LatestWins());
        }
        imageKind.addListener((obs, old, kind) -> ensureDecoded(kind));
        sideBySide.addListener((obs, old, on) -> {
            if (on) {
                ensureDecoded(ImageKind.GENERATED);
                ensureDecoded(ImageKind.RENDER);
            }
        });
        typedAdCopy.addListener((obs, old, text) -> resolveAdCopy());
    }

    public void connect(DeskService service) {
        this.service = service;
        show(shown.get());
    }

    /**
     * Shows a variant (the current one of the window); {@code null} clears the area. The same variant again (a newer
     * row after a run or a decision) only updates the header: the typed ad copy, the images and the zoom stay.
     */
    public void show(ListedVariant variant) {
        ListedVariant before = shown.get();
        if (variant != null && before != null && service != null
                && variant.row().variantId().equals(before.row().variantId())) {
            shown.set(variant);
            status.set(variant.row().status());
            subtitle.set(Messages.get("detail.subtitle", Formats.orDash(variant.row().tenantId()),
                    Formats.shortId(variant.row().jobId()), Formats.orDash(variant.row().currentStep())));
            return;
        }
        shown.set(variant);
        resettingTypedCopy = true;
        typedAdCopy.set("");
        resettingTypedCopy = false;
        metadata.clear();
        detail.set(null);
        traces.show(null);
        message.set("");
        adCopy.set("");
        adCopySource.set(AdCopySource.NONE);
        adCopyLoads.cancel();
        for (ImageKind k : ImageKind.values()) {
            imageLoads.get(k).cancel();
            imageSources.get(k).set("");
        }
        if (variant == null || service == null) {
            detailLoads.cancel();
            title.set(Messages.get("detail.none"));
            subtitle.set("");
            status.set("");
            images.values().forEach(i -> i.set(new ImageState.Empty(Messages.get("image.select"))));
            return;
        }
        var row = variant.row();
        title.set(Messages.get("detail.title", Formats.shortId(row.variantId())));
        subtitle.set(Messages.get("detail.subtitle", Formats.orDash(row.tenantId()), Formats.shortId(row.jobId()),
                Formats.orDash(row.currentStep())));
        status.set(row.status());
        images.values().forEach(i -> i.set(new ImageState.Empty(Messages.get("image.loading"))));
        reload();
    }

    /** Reads the shown variant again (a run or a decision changed it). */
    public void reload() {
        ListedVariant variant = shown.get();
        DeskService s = service;
        if (variant == null || s == null) {
            return;
        }
        UUID id = variant.row().variantId();
        detailLoads.submit(executor.io("detail of " + id, control -> s.detail(id))
                .onSuccess(found -> {
                    if (found.isEmpty()) {
                        message.set(Messages.get("detail.gone", id));
                        images.values().forEach(i -> i.set(new ImageState.Problem(Messages.get("detail.notFound"), id.toString())));
                        return;
                    }
                    showDetail(found.get());
                })
                .onFailure(error -> {
                    message.set(Messages.get("detail.failed", id, Problems.describe(error)));
                    images.values().forEach(i -> i.set(new ImageState.Problem(Messages.get("detail.notLoaded"),
                            Problems.describe(error))));
                }));
    }

    private void showDetail(VariantDetail d) {
        boolean sameVariant = detail.get() != null && detail.get().variant().variantId().equals(d.variant().variantId());
        detail.set(d);
        status.set(d.variant().status());
        metadata.setAll(metadataOf(d));
        traces.show(d);
        if (typedAdCopy.get().isBlank()) {
            adCopy.set(d.adCopy().text() == null ? "" : d.adCopy().text());
            adCopySource.set(d.adCopy().source());
        }
        imageSources.get(ImageKind.GENERATED).set(source(d.image(), "img_asset_id"));
        imageSources.get(ImageKind.RENDER).set(d.renderImage() == null ? "" : source(d.renderImage(), d.render().source().label()));
        if (!sameVariant) {
            ensureDecoded(imageKind.get());
            if (sideBySide.get()) {
                ensureDecoded(imageKind.get() == ImageKind.GENERATED ? ImageKind.RENDER : ImageKind.GENERATED);
            }
        }
    }

    private static String source(AssetLocation location, String how) {
        return location == null || location.url() == null ? "" : location.url() + "  (" + how + ")";
    }

    /** The metadata rows in the order a reviewer reads them. */
    static List<MetadataEntry> metadataOf(VariantDetail d) {
        var v = d.variant();
        var job = d.job();
        List<MetadataEntry> rows = new ArrayList<>();
        rows.add(new MetadataEntry(Messages.get("meta.variant"), String.valueOf(v.variantId())));
        rows.add(new MetadataEntry(Messages.get("meta.job"), String.valueOf(v.jobId())));
        rows.add(new MetadataEntry(Messages.get("meta.tenant"), Formats.orDash(job == null ? null : job.tenantId())));
        rows.add(new MetadataEntry(Messages.get("meta.state"), Formats.orDash(v.currentStep()) + " / " + Formats.orDash(v.status())));
        rows.add(new MetadataEntry(Messages.get("meta.updated"), Formats.time(v.updatedAt())));
        rows.add(new MetadataEntry(Messages.get("meta.jobState"), Formats.orDash(job == null ? null : job.currentStep())
                + " / " + Formats.orDash(job == null ? null : job.status())));
        rows.add(new MetadataEntry(Messages.get("meta.jobCreated"), Formats.time(job == null ? null : job.createdAt())));
        rows.add(new MetadataEntry(Messages.get("meta.imageAsset"), v.imgAssetId() == null ? "—" : v.imgAssetId().toString()));
        rows.add(new MetadataEntry(Messages.get("meta.imageUrl"), location(d.image(), "img_asset_id")));
        rows.add(new MetadataEntry(Messages.get("meta.overlaidAsset"),
                v.overlaidImgAssetId() == null ? "—" : v.overlaidImgAssetId().toString()));
        rows.add(new MetadataEntry(Messages.get("meta.renderUrl"),
                d.renderImage() == null ? "—" : location(d.renderImage(), d.render().source().label())));
        return rows;
    }

    private static String location(AssetLocation loc, String how) {
        if (loc == null || loc.url() == null) {
            return "—";
        }
        String target = loc instanceof AssetLocation.LocalFile f ? f.path().toString() : "(" + Formats.orDash(loc.problem()) + ")";
        return loc.url() + "\n→ " + target + "  [" + how + "]";
    }

    /** Decodes {@code kind} of the shown variant unless it is decoded or being decoded. */
    private void ensureDecoded(ImageKind kind) {
        VariantDetail d = detail.get();
        if (d == null || images.get(kind).get() instanceof ImageState.Shown
                || images.get(kind).get() instanceof ImageState.Problem) {
            return;
        }
        AssetLocation location = kind == ImageKind.GENERATED ? d.image() : d.renderImage();
        if (kind == ImageKind.RENDER && location == null) {
            images.get(kind).set(new ImageState.Problem(Messages.get("image.noRender"), Messages.get("image.noRender.detail")));
            return;
        }
        images.get(kind).set(new ImageState.Empty(Messages.get("image.decoding")));
        imageLoads.get(kind).submit(executor.io("decode " + kind + " of " + d.variant().variantId(),
                        control -> decoder.decode(location))
                .onSuccess(state -> images.get(kind).set(state))
                .onFailure(error -> images.get(kind).set(new ImageState.Problem(Messages.get("image.cannotShow"),
                        Problems.describe(error)))));
    }

    private void resolveAdCopy() {
        ListedVariant variant = shown.get();
        DeskService s = service;
        if (s == null || variant == null || resettingTypedCopy) {
            return;
        }
        String typed = typedAdCopy.get();
        UUID job = variant.row().jobId();
        adCopyLoads.submit(executor.io("ad copy of " + variant.row().variantId(), control -> s.adCopy(job, typed))
                .onSuccess(resolved -> {
                    adCopy.set(resolved.text() == null ? "" : resolved.text());
                    adCopySource.set(resolved.source());
                })
                .onFailure(error -> {
                    adCopy.set("");
                    adCopySource.set(AdCopySource.NONE);
                    message.set(Messages.get("detail.adCopyFailed", Problems.describe(error)));
                }));
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

    /** Generated image or overlay render in the single view; the view's toggle and G / V write it. */
    public ObjectProperty<ImageKind> imageKindProperty() {
        return imageKind;
    }

    /** Both images side by side (W), with one zoom and pan. */
    public BooleanProperty sideBySideProperty() {
        return sideBySide;
    }

    public ReadOnlyObjectProperty<ImageState> imageProperty(ImageKind kind) {
        return images.get(kind).getReadOnlyProperty();
    }

    /** The URL of an image and how it was found. */
    public ReadOnlyStringProperty imageSourceProperty(ImageKind kind) {
        return imageSources.get(kind).getReadOnlyProperty();
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

    /** The variant's detail as last read; null while loading. */
    public ReadOnlyObjectProperty<VariantDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** The variant shown. */
    public ReadOnlyObjectProperty<ListedVariant> shownProperty() {
        return shown.getReadOnlyProperty();
    }
}
