package adreview.ui.image;

import adreview.desk.DeskService;
import adreview.desk.Problems;
import adreview.ui.concurrent.TaskExecutor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Small thumbnails for the variant list, decoded on the background executor and kept in a bounded
 * LRU cache. Used from the UI thread only; concurrent requests for the same file share one decode.
 */
public final class ThumbnailCache {

    /** The list's thumbnails; the grid asks for {@link #GRID_SIZE}. */
    public static final int SIZE = 48;
    public static final int GRID_SIZE = 176;
    private static final int CAPACITY = 300;

    private final TaskExecutor executor;
    private final ImageDecoder decoder;
    private final Map<String, ImageState> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ImageState> eldest) {
            return size() > CAPACITY;
        }
    };
    private final Map<String, List<Consumer<ImageState>>> pending = new HashMap<>();

    private volatile DeskService service;

    private final int size;

    public ThumbnailCache(TaskExecutor executor, ImageDecoder decoder) {
        this(executor, decoder, SIZE);
    }

    /** @param size the longest side of the thumbnails, in pixels */
    public ThumbnailCache(TaskExecutor executor, ImageDecoder decoder, int size) {
        this.executor = executor;
        this.decoder = decoder;
        this.size = size;
    }

    /** Image URLs are resolved by the desk's service; until it is there thumbnails wait. */
    public void connect(DeskService service) {
        this.service = service;
    }

    /** Calls {@code consumer} with the thumbnail: at once if cached, else on the UI thread when decoded. */
    public void request(String imageUrl, Consumer<ImageState> consumer) {
        String key = imageUrl == null ? "(none)" : imageUrl;
        DeskService s = service;
        if (s == null) {
            return;
        }
        ImageState cached = cache.get(key);
        if (cached != null) {
            consumer.accept(cached);
            return;
        }
        List<Consumer<ImageState>> waiting = pending.get(key);
        if (waiting != null) {
            waiting.add(consumer);
            return;
        }
        waiting = new ArrayList<>();
        waiting.add(consumer);
        pending.put(key, waiting);
        executor.io("thumbnail " + key, control -> decoder.decode(imageUrl == null ? null : s.locate(imageUrl), size))
                .onSuccess(state -> deliver(key, state))
                .onFailure(error -> deliver(key, new ImageState.Problem(adreview.ui.i18n.Messages.get("image.problem.thumbnail"), Problems.describe(error))))
                .execute();
    }

    /** Drops everything (after a refresh, files may have changed). */
    public void clear() {
        cache.clear();
    }

    private void deliver(String key, ImageState state) {
        cache.put(key, state);
        List<Consumer<ImageState>> waiting = pending.remove(key);
        if (waiting != null) {
            waiting.forEach(c -> c.accept(state));
        }
    }

}
