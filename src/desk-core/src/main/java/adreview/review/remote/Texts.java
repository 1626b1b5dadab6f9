package adreview.review.remote;

/** Message helpers: what a server says is shortened and kept on one line before it reaches a reviewer. */
final class Texts {

    private Texts() {
    }

    /** {@code text} on one line, at most {@code max} characters ("…" marks a cut). */
    static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        String one = text.replaceAll("\\s+", " ").strip();
        return one.length() <= max ? one : one.substring(0, Math.max(0, max - 1)).stripTrailing() + "…";
    }

    /** {@code text} with every occurrence of {@code secret} masked (a server may echo a wrong API key back). */
    static String redact(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, "••••");
    }
}
