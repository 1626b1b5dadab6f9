package adreview.review.remote;

import adreview.review.ReviewModel.ModelException;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * The settings dialog's "Test connection": {@code GET /models}, then one tiny text request (no image, a few
 * tokens), each timed, summed up in one line. Nothing is stored.
 *
 * @param ok      both answered
 * @param summary one line for the reviewer: what answered and how fast, or the failure's sentence
 */
public record ConnectionCheck(boolean ok, String summary) {

    static final int TINY_MAX_TOKENS = 8;

    public static ConnectionCheck run(OpenAiReviewModel model) {
        RemoteSettings s = model.settings();
        long t0 = System.nanoTime();
        List<String> ids;
        try {
            ids = model.listModels();
        } catch (ModelException | CancellationException e) {
            return new ConnectionCheck(false, e.getMessage());
        }
        long listed = millisSince(t0);
        String name = s.model() != null ? s.model() : ids.isEmpty() ? null : ids.get(0);
        if (name == null) {
            return new ConnectionCheck(false, Failures.server(s.host()) + " answered GET /models in " + listed
                    + " ms but lists no models: name one with ADREVIEW_REMOTE_MODEL / --remote-model");
        }
        long t1 = System.nanoTime();
        ChatStream stream = new ChatStream();
        try {
            model.client().streamChat(ChatRequest.body(name, "Reply with the word OK.", null, null,
                    TINY_MAX_TOKENS, true).toString(), stream, () -> { }, () -> false);
        } catch (ModelException | CancellationException e) {
            return new ConnectionCheck(false, e.getMessage());
        }
        long answered = millisSince(t1);
        return new ConnectionCheck(true, String.format(Locale.ROOT,
                "Connected to %s: %d model%s listed in %d ms (%s), model %s answered a %d-token request in %d ms",
                s.host(), ids.size(), ids.size() == 1 ? "" : "s", listed, String.join(", ", ids.stream().limit(3).toList())
                        + (ids.size() > 3 ? ", …" : ""), name, stream.tokens(), answered));
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
