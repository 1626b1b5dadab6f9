package adreview.checks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The call-to-action phrase list ({@code /checks/cta-phrases.txt}) and the matching rule: text and
 * phrases are NFC-normalised, lower-cased and their whitespace collapsed; phrases in Latin script
 * must match whole words, phrases containing Hangul match anywhere and ignore spaces.
 */
public final class CtaPhrases {

    public static final String RESOURCE = "/checks/cta-phrases.txt";

    private final List<String> phrases;

    public CtaPhrases(List<String> phrases) {
        List<String> p = new ArrayList<>();
        for (String s : phrases) {
            String n = normalise(s);
            if (!n.isEmpty()) {
                p.add(n);
            }
        }
        // Longest first, so that the reported phrase is the most specific one ("buy now" before "buy").
        p.sort((a, b) -> Integer.compare(b.length(), a.length()));
        this.phrases = List.copyOf(p);
    }

    /** The bundled list. */
    public static CtaPhrases bundled() {
        try (InputStream in = CtaPhrases.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("call-to-action phrase list " + RESOURCE + " is missing from the classpath");
            }
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    String t = line.strip();
                    if (!t.isEmpty() && !t.startsWith("#")) {
                        lines.add(t);
                    }
                }
            }
            return new CtaPhrases(lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read call-to-action phrase list " + RESOURCE, e);
        }
    }

    public List<String> phrases() {
        return phrases;
    }

    /** The first (longest) phrase found in the text, if any. */
    public Optional<String> match(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = normalise(text);
        String compact = t.replace(" ", "");
        for (String p : phrases) {
            if (hasHangul(p)) {
                if (compact.contains(p.replace(" ", ""))) {
                    return Optional.of(p);
                }
            } else if (containsWord(t, p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    static String normalise(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        // Hyphens and underscores join words the same way spaces do ("sign-up", "pre-order").
        n = n.replace('-', ' ').replace('_', ' ').replace('\u2010', ' ').replace('\u2011', ' ');
        return n.replaceAll("[\\s\\u00A0\\u3000]+", " ").strip();
    }

    private static boolean containsWord(String text, String phrase) {
        int from = 0;
        while (true) {
            int i = text.indexOf(phrase, from);
            if (i < 0) {
                return false;
            }
            int end = i + phrase.length();
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            from = i + 1;
        }
    }

    private static boolean hasHangul(String s) {
        return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL);
    }
}
