package adreview.llava.text;

import java.util.Arrays;

/**
 * Decodes generated tokens one at a time into text deltas for streaming, without ever emitting half a character.
 * Llama's tokenizer spells a Korean syllable or an emoji as 3-4 byte-fallback tokens, and a single token's piece
 * loses its leading space when decoded alone; so each step decodes a short window of recent tokens twice (without and
 * with the new token) and emits the difference, holding it back while it ends in U+FFFD (an incomplete UTF-8
 * sequence). Joining every {@link #accept(long)} result and {@link #finish()} gives exactly
 * {@link LlavaTokenizer#decode(long[])} of all tokens (the approach of Hugging Face's text-generation-inference).
 * One instance per generation; not thread-safe.
 */
public final class StreamingDecoder {

    private static final char REPLACEMENT = '\uFFFD';

    private final LlavaTokenizer tokenizer;
    private long[] ids = new long[64];
    private int size;
    /** Start of the context window: tokens already emitted, decoded again for context. */
    private int prefixOffset;
    /** End of what has been emitted. */
    private int readOffset;
    private final StringBuilder text = new StringBuilder();

    StreamingDecoder(LlavaTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** Adds a generated token; returns the new text it completes (often {@code ""} in the middle of a character). */
    public String accept(long tokenId) {
        // Decoding skips special tokens anyway; leaving them out of the window keeps a special token at the
        // window's start from swallowing the next token's leading space.
        if (tokenizer.isSpecial((int) tokenId)) {
            return "";
        }
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        ids[size++] = tokenId;
        String before = tokenizer.decode(Arrays.copyOfRange(ids, prefixOffset, readOffset));
        String after = tokenizer.decode(Arrays.copyOfRange(ids, prefixOffset, size));
        if (after.length() > before.length() && after.charAt(after.length() - 1) != REPLACEMENT) {
            String delta = after.substring(before.length());
            prefixOffset = readOffset;
            readOffset = size;
            text.append(delta);
            return delta;
        }
        return "";
    }

    /** Emits whatever is held back (an incomplete character at the very end becomes U+FFFD). */
    public String finish() {
        String before = tokenizer.decode(Arrays.copyOfRange(ids, prefixOffset, readOffset));
        String after = tokenizer.decode(Arrays.copyOfRange(ids, prefixOffset, size));
        prefixOffset = size;
        readOffset = size;
        String delta = after.length() > before.length() ? after.substring(before.length()) : "";
        text.append(delta);
        return delta;
    }

    /** All text emitted so far. */
    public String text() {
        return text.toString();
    }
}
