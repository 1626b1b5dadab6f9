package adreview.review.remote;

import adreview.review.ReviewModel.ModelException;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one sentence each way a server call can fail gives the reviewer (and the trace's {@code error}): it names
 * the server's host, what happened, and, where there is one, what to do. The API key never appears: a server's
 * own words are redacted and shortened first.
 */
final class Failures {

    /** How much of a server's own error message a sentence quotes. */
    static final int QUOTED = 200;

    private Failures() {
    }

    static String server(String host) {
        return "The inference server at " + host;
    }

    static ModelException refused(String host, int attempts, Throwable cause) {
        return new ModelException(server(host) + " refused the connection (" + attempts + " attempt"
                + (attempts == 1 ? "" : "s") + "): start it or check ADREVIEW_ENDPOINT / --endpoint", "", cause);
    }

    static ModelException connectTimeout(String host, Duration limit, Throwable cause) {
        return new ModelException(server(host) + " did not accept a connection within " + seconds(limit)
                + ": check the host and port and that it is running", "", cause);
    }

    static ModelException unreachable(String host, Throwable cause) {
        return new ModelException(server(host) + " could not be reached: " + reason(cause), "", cause);
    }

    static ModelException firstByteTimeout(String host, Duration limit) {
        return new ModelException(server(host) + " sent nothing for " + seconds(limit)
                + " after the request (timed out): it may be overloaded or stuck", "", null);
    }

    static ModelException idleTimeout(String host, Duration limit, int tokens, String raw) {
        return new ModelException(server(host) + " stopped sending for " + seconds(limit) + " in the middle of the answer ("
                + tokens + " tokens received; timed out)", raw, null);
    }

    static ModelException http(String host, int status, String serverMessage, String apiKey) {
        String quoted = Texts.shorten(Texts.redact(serverMessage, apiKey), QUOTED);
        String hint = switch (status) {
            case 401, 403 -> " (check the API key: ADREVIEW_API_KEY or api.key)";
            case 404 -> " (check the server URL: it usually ends in /v1)";
            default -> "";
        };
        return new ModelException(server(host) + " answered HTTP " + status + hint
                + (quoted.isEmpty() ? "" : ": " + quoted), "", null);
    }

    static ModelException brokeMidStream(String host, int tokens, String raw, Throwable cause) {
        return new ModelException(server(host) + " closed the stream in the middle of the answer (" + tokens
                + " tokens received" + (cause == null ? "" : ": " + reason(cause)) + ")", raw, cause);
    }

    static ModelException noAnswer(String host) {
        return new ModelException(server(host) + " ended its response without an answer", "", null);
    }

    static ModelException malformed(String host, String detail, String raw, String apiKey) {
        return new ModelException(server(host) + " sent a malformed event stream: "
                + Texts.shorten(Texts.redact(detail, apiKey), QUOTED), raw, null);
    }

    static ModelException errorInStream(String host, String serverMessage, String raw, String apiKey) {
        return new ModelException(server(host) + " reported an error in the middle of the answer: "
                + Texts.shorten(Texts.redact(serverMessage, apiKey), QUOTED), raw, null);
    }

    /** Nothing was sent: the connection itself was refused (the one failure a retry is safe for). */
    static boolean isRefused(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return false;
            }
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    static boolean isConnectTimeout(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The most telling message in a cause chain, past the JDK's wrappers. */
    static String reason(Throwable error) {
        Throwable t = unwrap(error);
        String best = null;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                best = c.getMessage();
            }
        }
        return Texts.shorten(best == null ? t.getClass().getSimpleName() : best, QUOTED);
    }

    static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
