package adreview.models.download;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;


/**
 * The two hub endpoints a download needs: the repository listing
 * ({@code GET {base}/api/models/{repo}/revision/{rev}?blobs=true}) and the file itself
 * ({@code GET {base}/{repo}/resolve/{rev}/{file}}, with a Range header to resume). Redirects are
 * followed by hand so that the token is sent to the hub only, never to the CDN it redirects to.
 */
public final class HubClient {

    public static final URI DEFAULT_BASE = URI.create("https://huggingface.co");
    /** Environment variables: the token for gated repositories, and another hub (a mirror). */
    public static final String TOKEN_ENV = "HF_TOKEN";
    public static final String ENDPOINT_ENV = "HF_ENDPOINT";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REDIRECTS = 5;

    private final URI base;
    private final String token;
    private final HttpClient http;

    /** @param token the hub token, or null for anonymous access */
    public HubClient(URI base, String token) {
        this.base = withoutTrailingSlash(Objects.requireNonNull(base));
        this.token = token == null || token.isBlank() ? null : token.strip();
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A client for the hub named by HF_ENDPOINT (default huggingface.co) with HF_TOKEN, else {@code settingsToken}. */
    public static HubClient fromEnvironment(String settingsToken) {
        String endpoint = System.getenv(ENDPOINT_ENV);
        String token = System.getenv(TOKEN_ENV);
        return new HubClient(endpoint == null || endpoint.isBlank() ? DEFAULT_BASE : URI.create(endpoint),
                token != null && !token.isBlank() ? token : settingsToken);
    }

    public URI base() {
        return base;
    }

    public boolean hasToken() {
        return token != null;
    }

    /** Lists the repository's files at {@code revision}, with sizes and LFS checksums. */
    public List<HubFile> listFiles(String repoId, String revision) throws DownloadException {
        URI uri = URI.create(base + "/api/models/" + repoId + "/revision/" + segment(revision) + "?blobs=true");
        HttpResponse<InputStream> response = send(uri, -1, repoId, revision, null);
        JsonNode root;
        try (InputStream body = response.body()) {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new DownloadException(DownloadException.Kind.FAILED,
                    "The hub's file list for " + repoId + "@" + revision + " could not be read: " + oneLine(e));
        }
        JsonNode siblings = root == null ? null : root.get("siblings");
        if (siblings == null || !siblings.isArray()) {
            throw new DownloadException(DownloadException.Kind.FAILED,
                    "The hub's answer for " + repoId + "@" + revision + " has no file list (siblings); is "
                            + base + " a Hugging Face hub?");
        }
        List<HubFile> files = new ArrayList<>();
        for (JsonNode s : siblings) {
            String name = s.path("rfilename").asText("");
            if (name.isEmpty()) {
                continue;
            }
            JsonNode lfs = s.get("lfs");
            String sha = lfs != null && lfs.hasNonNull("sha256") ? lfs.get("sha256").asText() : null;
            long size = lfs != null && lfs.hasNonNull("size") ? lfs.get("size").asLong()
                    : s.hasNonNull("size") ? s.get("size").asLong() : -1;
            // For an LFS file the blob id is the pointer's; only a file kept in git itself is checked by it.
            String blob = lfs == null && s.hasNonNull("blobId") ? s.get("blobId").asText() : null;
            files.add(new HubFile(name, size, sha, blob));
        }
        return files;
    }

    /**
     * Opens {@code file} from byte {@code offset} on (a Range request when offset > 0). The caller
     * checks the status: 200 (whole file), 206 (from offset) or 416 (offset at or past the end).
     */
    public HttpResponse<InputStream> openFile(String repoId, String revision, String file, long offset)
            throws DownloadException {
        StringBuilder path = new StringBuilder(base + "/" + repoId + "/resolve/" + segment(revision));
        for (String part : file.split("/")) {
            path.append('/').append(segment(part));
        }
        return send(URI.create(path.toString()), offset, repoId, revision, file);
    }

    private HttpResponse<InputStream> send(URI uri, long offset, String repoId, String revision, String file)
            throws DownloadException {
        URI current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(current).GET()
                    .timeout(Duration.ofSeconds(60))
                    .header("User-Agent", "ad-review-desk/0.1");
            if (token != null && sameOrigin(current, base)) {
                b.header("Authorization", "Bearer " + token);
            }
            if (offset > 0) {
                b.header("Range", "bytes=" + offset + "-");
            }
            HttpResponse<InputStream> r;
            try {
                r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DownloadException(DownloadException.Kind.CANCELLED, "Download interrupted.");
            } catch (IOException e) {
                throw transportFailure(current, e);
            }
            int status = r.statusCode();
            if (status >= 300 && status < 400 && r.headers().firstValue("Location").isPresent()) {
                closeQuietly(r);
                current = current.resolve(r.headers().firstValue("Location").get());
                continue;
            }
            if (status == 200 || status == 206 || (status == 416 && file != null)) {
                return r;
            }
            closeQuietly(r);
            throw statusFailure(status, r.headers().firstValue("X-Error-Code"), repoId, revision, file, current);
        }
        throw new DownloadException(DownloadException.Kind.FAILED, "Too many redirects fetching " + uri);
    }

    private DownloadException statusFailure(int status, Optional<String> errorCode, String repo, String rev,
                                            String file, URI uri) {
        String code = errorCode.orElse("");
        String what = repo + "@" + rev;
        if (code.equals("RepoNotFound") || (status == 404 && file == null && !code.equals("RevisionNotFound"))) {
            return new DownloadException(DownloadException.Kind.NOT_FOUND, "No repository " + repo + " on " + base
                    + " (HTTP " + status + "); check the id" + (token == null ? ", or set HF_TOKEN if it is private." : "."));
        }
        if (code.equals("RevisionNotFound")) {
            return new DownloadException(DownloadException.Kind.NOT_FOUND,
                    "Repository " + repo + " has no revision '" + rev + "' (HTTP " + status + ").");
        }
        if (status == 401 || status == 403) {
            return new DownloadException(DownloadException.Kind.ACCESS_DENIED, token == null
                    ? what + " is gated or private (HTTP " + status + "): accept its terms on the hub and set HF_TOKEN to an access token."
                    : "The token in HF_TOKEN has no access to " + what + " (HTTP " + status + "): accept the repository's terms on the hub with that account.");
        }
        if (status == 404 && file != null) {
            return new DownloadException(DownloadException.Kind.MISSING_FILE,
                    file + " is in the hub's file list for " + what + " but the hub does not serve it (HTTP 404 at "
                            + uri + "); try again later or pin another revision.");
        }
        return new DownloadException(DownloadException.Kind.FAILED,
                "The hub answered HTTP " + status + " for " + uri + (code.isEmpty() ? "" : " (" + code + ")") + ".");
    }

    private DownloadException transportFailure(URI uri, IOException e) {
        boolean unreachable = e instanceof ConnectException || e instanceof HttpConnectTimeoutException
                || e instanceof UnknownHostException || e.getCause() instanceof UnresolvedAddressException
                || e.getCause() instanceof UnknownHostException || e.getCause() instanceof ConnectException;
        if (unreachable) {
            return new DownloadException(DownloadException.Kind.OFFLINE, "Cannot reach " + uri.getScheme() + "://"
                    + uri.getAuthority() + " (" + oneLine(e) + "): check the network connection; local models still work.", e);
        }
        if (e instanceof HttpTimeoutException) {
            return new DownloadException(DownloadException.Kind.INTERRUPTED, uri.getAuthority()
                    + " did not answer within 60 s; run the download again to resume.", e);
        }
        return new DownloadException(DownloadException.Kind.INTERRUPTED,
                "Connection to " + uri.getAuthority() + " failed (" + oneLine(e) + "); run the download again to resume.", e);
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getCause() != null && e.getCause() != e ? oneLine(e.getCause()) : e.getClass().getSimpleName();
        }
        return m.replaceAll("\\s+", " ").strip();
    }

    private static void closeQuietly(HttpResponse<InputStream> r) {
        try {
            r.body().close();
        } catch (IOException ignored) {
            // Nothing to do: the response is discarded.
        }
    }

    /**
     * Whether a request to {@code target} may carry the token: the same scheme, host and port as the hub the user
     * configured. A redirect to another host (the CDN), to another port, or from https to http of the same host
     * gets no token.
     */
    static boolean sameOrigin(URI target, URI hub) {
        return target.getScheme() != null && target.getScheme().equalsIgnoreCase(hub.getScheme())
                && target.getHost() != null && target.getHost().equalsIgnoreCase(hub.getHost())
                && port(target) == port(hub);
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : "http".equalsIgnoreCase(u.getScheme()) ? 80 : -1;
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static URI withoutTrailingSlash(URI u) {
        String s = u.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : u;
    }
}
