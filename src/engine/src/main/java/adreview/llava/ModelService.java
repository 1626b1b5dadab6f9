package adreview.llava;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The one model of this process, explicitly process-wide ({@link #shared()}). Loaded lazily by the first
 * {@link #get} and exactly once even when many threads ask at the same moment: the others wait for that load and get
 * the same instance. Asking for another folder or other options closes the current model and loads the new one;
 * {@link #close()} frees it.
 */
public final class ModelService {
    private static final Logger LOG = LoggerFactory.getLogger(ModelService.class);
    private static final ModelService SHARED = new ModelService();

    private record Key(Path folder, LoadOptions options) {
    }

    private final Object lock = new Object();
    private volatile LlavaModel model;
    private volatile Key key;

    /** A separate service (tests); the application uses {@link #shared()}. */
    public ModelService() {
    }

    public static ModelService shared() {
        return SHARED;
    }

    /** The model for {@code dir} and {@code options}, loading it (once) if needed; progress goes to {@code progress}. */
    public LlavaModel get(Path dir, LoadOptions options, LoadProgress progress) throws ModelLoadException {
        Key wanted = new Key(dir.toAbsolutePath().normalize(), options == null ? LoadOptions.defaults() : options);
        LlavaModel current = model;
        if (current != null && wanted.equals(key)) {
            return current;
        }
        synchronized (lock) {
            if (model != null && wanted.equals(key)) {
                return model;
            }
            if (model != null) {
                LOG.info("Closing model {} to load {}", key.folder(), wanted.folder());
                model.close();
                model = null;
                key = null;
            }
            LOG.info("Loading model {} ({} / {})", wanted.folder(), wanted.options().device(),
                    wanted.options().precision());
            LlavaModel loaded = LlavaModel.load(wanted.folder(), wanted.options(), progress);
            key = wanted;
            model = loaded;
            return loaded;
        }
    }

    /** The loaded model, if any (never loads). */
    public Optional<LlavaModel> current() {
        return Optional.ofNullable(model);
    }

    /** Closes and forgets the model; the next {@link #get} loads again. */
    public void close() {
        synchronized (lock) {
            if (model != null) {
                LOG.info("Closing model {}", key.folder());
                model.close();
                model = null;
                key = null;
            }
        }
    }

    @Override
    public String toString() {
        Key k = key;
        return "ModelService[" + (k == null ? "empty" : k.folder() + " " + k.options()) + "]";
    }

}
