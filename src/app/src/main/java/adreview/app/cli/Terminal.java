package adreview.app.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Text from the database (ad copy, reviewer comments, trace errors, asset URLs) is written by the pipeline or by
 * anyone who can write to it; printed as it is, an ESC sequence in it would drive the reviewer's terminal (recolour,
 * retitle, move the cursor, hide lines). So the CLI's output passes through {@link SafeWriter}: control characters
 * other than newline and tab are shown as {@code \\u001b} and the like. JSON output is unaffected (Jackson already
 * escapes them inside strings).
 */
public final class Terminal {

    private Terminal() {
    }

    /** {@code text} with every control character except newline and tab written as {@code \\uXXXX}. */
    public static String safe(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isUnsafe(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(escape(c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** C0 controls but newline and tab, DEL, and the C1 controls (U+009B is a one-character CSI). */
    static boolean isUnsafe(char c) {
        return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c < 0xA0);
    }

    private static String escape(char c) {
        return String.format("\\u%04x", (int) c);
    }

    /** A writer that applies {@link #safe} to everything written through it. */
    public static final class SafeWriter extends FilterWriter {

        public SafeWriter(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            if (isUnsafe((char) c)) {
                out.write(escape((char) c));
            } else {
                out.write(c);
            }
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            write(new String(buffer, offset, length), 0, length);
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            String safe = safe(text.substring(offset, offset + length));
            out.write(safe, 0, safe.length());
        }
    }
}
