package adreview.ui.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every string the UI shows, looked up by key in the {@code adreview.ui.i18n.messages} bundles. Korean and English
 * are complete (a test holds the two key sets equal); any other system language falls back to English. The
 * language is chosen once at start-up ({@link #use}); switching it in Settings takes effect at the next start.
 */
public final class Messages {

    /** The languages the desk speaks. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.KOREAN);
    static final String BUNDLE = "adreview.ui.i18n.messages";

    private static volatile Locale locale = pick(Locale.getDefault());
    private static volatile ResourceBundle bundle = load(locale);

    private Messages() {
    }

    /** Speaks {@code wanted}'s language when the desk has it, else English. */
    public static void use(Locale wanted) {
        locale = pick(wanted);
        bundle = load(locale);
    }

    public static Locale locale() {
        return locale;
    }

    /** The text for {@code key}, with {@code args} put in ({@link MessageFormat}: {0}, {1}, …). */
    public static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key; // visible in screenshots and caught by the bundle tests; never a crash
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    static Locale pick(Locale wanted) {
        return wanted != null && "ko".equals(wanted.getLanguage()) ? Locale.KOREAN : Locale.ENGLISH;
    }

    static ResourceBundle load(Locale l) {
        // Without a root bundle, English is the fallback: the JVM's default locale must not pick another file.
        return ResourceBundle.getBundle(BUNDLE, l, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
