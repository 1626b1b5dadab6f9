package adreview.store;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JDBC URL may carry a password ({@code ?password=…}, or {@code user:secret@host} in URL-style forms); the desk
 * shows and logs URLs in many places (Settings, errors, the about box), so every URL that leaves the store goes
 * through {@link #withoutPassword} first, and the password itself travels as a connection property.
 */
public final class JdbcUrls {

    /** {@code password=…} as a query parameter, up to the next {@code &}. */
    private static final Pattern PASSWORD_PARAM = Pattern.compile("([?&;])password=([^&;]*)",
            Pattern.CASE_INSENSITIVE);
    /**
     * {@code user:secret@host}, in a URL ({@code //user:secret@host}) or quoted bare in a driver's message
     * ("unknown host user:secret@host"): the secret between the colon and the at sign.
     */
    private static final Pattern USER_INFO = Pattern.compile("((?:^|[\\s/])[^\\s/@:?]*):([^\\s/@?]*)@");
    static final String MASK = "••••";

    private JdbcUrls() {
    }

    /** The URL with any password replaced by {@value #MASK}; null stays null. */
    public static String withoutPassword(String url) {
        if (url == null) {
            return null;
        }
        String masked = PASSWORD_PARAM.matcher(url).replaceAll("$1password=" + Matcher.quoteReplacement(MASK));
        return USER_INFO.matcher(masked).replaceAll("$1:" + Matcher.quoteReplacement(MASK) + "@");
    }

    /** The URL without its {@code password} parameter at all (what the pool is given). */
    public static String strippedOfPassword(String url) {
        if (url == null) {
            return null;
        }
        String stripped = PASSWORD_PARAM.matcher(url).replaceAll("$1");
        // "?&user=x" or a trailing "?" left behind read oddly but are valid; tidy them.
        return stripped.replace("?&", "?").replace("&&", "&").replaceAll("[?&;]$", "");
    }

    /** The password carried in the URL's query, or null. */
    public static String passwordIn(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = PASSWORD_PARAM.matcher(url);
        return m.find() ? java.net.URLDecoder.decode(m.group(2), java.nio.charset.StandardCharsets.UTF_8) : null;
    }
}
