package adreview.review.remote;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the server is and how long to wait for it.
 *
 * @param endpoint        the API base, e.g. {@code http://gpu-box:8000/v1} (no trailing slash); requests go to
 *                        {@code endpoint + "/chat/completions"} and {@code endpoint + "/models"}
 * @param model           the model name to ask for, or null for the first id {@code GET /models} lists
 * @param apiKey          sent as a bearer token to the endpoint's own origin only; null for none. Never printed:
 *                        {@link #toString()} masks it
 * @param connectTimeout  to open the TCP connection
 * @param firstByteTimeout from sending the request to the first line of the answer (a busy server queues requests)
 * @param idleTimeout     between two lines of a streamed answer
 * @param connectAttempts how often a refused connection is tried (nothing was sent, so a retry is safe)
 * @param maxImageSide    images are scaled down so that their longer side is at most this many pixels
 */
public record RemoteSettings(URI endpoint, String model, String apiKey, Duration connectTimeout,
                             Duration firstByteTimeout, Duration idleTimeout, int connectAttempts, int maxImageSide) {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration FIRST_BYTE_TIMEOUT = Duration.ofSeconds(180);
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final int CONNECT_ATTEMPTS = 3;
    public static final int MAX_IMAGE_SIDE = 1024;

    public RemoteSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        model = model == null || model.isBlank() ? null : model.strip();
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(firstByteTimeout, "firstByteTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (connectAttempts < 1 || maxImageSide < 64) {
            throw new IllegalArgumentException("connectAttempts must be positive and maxImageSide at least 64");
        }
    }

    /** The default waits for {@code endpoint} (checked by {@link #parseEndpoint}). */
    public static RemoteSettings of(String endpoint, String model, String apiKey) {
        return new RemoteSettings(parseEndpoint(endpoint), model, apiKey, CONNECT_TIMEOUT, FIRST_BYTE_TIMEOUT,
                IDLE_TIMEOUT, CONNECT_ATTEMPTS, MAX_IMAGE_SIDE);
    }

    public RemoteSettings withTimeouts(Duration connect, Duration firstByte, Duration idle) {
        return new RemoteSettings(endpoint, model, apiKey, connect, firstByte, idle, connectAttempts, maxImageSide);
    }

    public RemoteSettings withConnectAttempts(int attempts) {
        return new RemoteSettings(endpoint, model, apiKey, connectTimeout, firstByteTimeout, idleTimeout, attempts,
                maxImageSide);
    }

    public RemoteSettings withModel(String name) {
        return new RemoteSettings(endpoint, name, apiKey, connectTimeout, firstByteTimeout, idleTimeout, connectAttempts,
                maxImageSide);
    }

    /**
     * An {@code http(s)://host[:port][/path]} URL without query, fragment or user info (a password in a URL would
     * end up in logs and traces), trailing slashes removed.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static URI parseEndpoint(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no server URL is configured");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + text + "' is not an http:// or https:// URL with a host "
                    + "(e.g. http://host:8000/v1)");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("the server URL must not hold user info, a query or a fragment "
                    + "(give the API key as ADREVIEW_API_KEY or api.key instead)");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    /** {@code host:port} of the endpoint, as traces and messages name the server. */
    public String host() {
        return hostOf(endpoint);
    }

    static String hostOf(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        String h = uri.getHost();
        return (h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h) + ":" + port;
    }

    /** True when {@code uri} has the endpoint's scheme, host and port: the only place the API key may go. */
    public boolean sameOrigin(URI uri) {
        return uri.getScheme() != null && uri.getHost() != null
                && uri.getScheme().equalsIgnoreCase(endpoint.getScheme())
                && uri.getHost().equalsIgnoreCase(endpoint.getHost())
                && hostOf(uri).equalsIgnoreCase(hostOf(endpoint));
    }

    /** {@code endpoint + "/" + path}. */
    public URI resolve(String path) {
        return URI.create(endpoint + "/" + path);
    }

    @Override
    public String toString() {
        return "RemoteSettings[endpoint=" + endpoint + ", model=" + model + ", apiKey=" + (apiKey == null ? "none" : "••••")
                + ", connectTimeout=" + connectTimeout + ", firstByteTimeout=" + firstByteTimeout + ", idleTimeout="
                + idleTimeout + ", connectAttempts=" + connectAttempts + ", maxImageSide=" + maxImageSide + "]";
    }
}
