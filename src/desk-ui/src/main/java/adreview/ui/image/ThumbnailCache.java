package adreview.ui.image;

import adreview.ui.concurrent.BackgroundExecutor;
import adreview.ui.data.ImageLocation;
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

    public static final int SIZE = 48;
    private static final int CAPACITY = 300;

    private final BackgroundExecutor executor;
    private final ImageDecoder decoder;
    private final Map<String, ImageState> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ImageState> eldest) {
            return size() > CAPACITY;
        }
    };
    private final Map<String, List<Consumer<ImageState>>> pending = new HashMap<>();

    public ThumbnailCache(BackgroundExecutor executor, ImageDecoder decoder) {
        this.executor = executor;
        this.decoder = decoder;
    }

    /** Calls {@code consumer} with the thumbnail: at once if cached, else on the UI thread when decoded. */
    public void request(ImageLocation location, Consumer<ImageState> consumer) {
        String key = key(location);
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
        executor.task("thumbnail " + key, () -> decoder.decode(location, SIZE))
                .onSuccess(state -> deliver(key, state))
                .onFailure(error -> deliver(key, new ImageState.Problem("Thumbnail failed", String.valueOf(error.getMessage()))))
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

    private static String key(ImageLocation location) {
        if (location == null) {
            return "(none)";
        }
        return location.file() != null ? location.file().toString() : String.valueOf(location.url());
    }
}
