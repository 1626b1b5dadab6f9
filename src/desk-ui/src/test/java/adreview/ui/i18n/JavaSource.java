package adreview.ui.i18n;

import java.util.ArrayList;
import java.util.List;

/**
 * A Java source file as the i18n tests read it: its string literals (text blocks included), and the code with
 * comments and literal contents blanked out, so that a literal's surroundings can be read without a comment or
 * another literal getting in the way. Offsets into {@link #code()} are offsets into the source.
 */
final class JavaSource {

    /** A string literal: its value as written (escapes not resolved), where its opening quote is, its line. */
    record Literal(String value, int start, int end, int line) {
    }

    private final String source;
    private final String code;
    private final List<Literal> literals;

    JavaSource(String source) {
        this.source = source;
        StringBuilder masked = new StringBuilder(source);
        List<Literal> found = new ArrayList<>();
        int i = 0;
        int line = 1;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                int end = source.indexOf('\n', i);
                end = end < 0 ? n : end;
                blank(masked, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(source, i, end);
                blank(masked, i, end);
                i = end;
            } else if (c == '"' && source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                while (end > 0 && source.charAt(end - 1) == '\\') {
                    end = source.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n : end + 3;
                found.add(new Literal(source.substring(i + 3, end - 3), i, end, line));
                line += count(source, i, end);
                blank(masked, i + 3, end - 3);
                i = end;
            } else if (c == '"') {
                int j = i + 1;
                while (j < n && source.charAt(j) != '"' && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                found.add(new Literal(source.substring(i + 1, Math.min(j, n)), i, Math.min(j + 1, n), line));
                blank(masked, i + 1, Math.min(j, n));
                i = Math.min(j + 1, n);
            } else if (c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != '\'' && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                blank(masked, i + 1, Math.min(j, n));
                i = Math.min(j + 1, n);
            } else {
                i++;
            }
        }
        this.code = masked.toString();
        this.literals = List.copyOf(found);
    }

    private static int count(String s, int from, int to) {
        int lines = 0;
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static void blank(StringBuilder b, int from, int to) {
        for (int k = from; k < to; k++) {
            if (b.charAt(k) != '\n') {
                b.setCharAt(k, ' ');
            }
        }
    }

    String source() {
        return source;
    }

    /** The source with comments and the contents of literals replaced by spaces (line breaks kept). */
    String code() {
        return code;
    }

    List<Literal> literals() {
        return literals;
    }

    /**
     * The call a literal is an argument of (innermost): its callee as written with its receiver chain, e.g.
     * {@code "Messages.get"}, {@code "new Label"}, {@code "getStyleClass().add"}, {@code "LOG.warn"}, and which
     * argument the literal is in (0 for the first). Null when the literal is not inside a call's parentheses (a field
     * initializer, a return value, an assignment).
     */
    Call enclosingCall(Literal l) {
        int depth = 0;
        int commas = 0;
        for (int k = l.start() - 1; k >= 0; k--) {
            char c = code.charAt(k);
            if (c == ')' || c == ']' || c == '}') {
                depth++;
            } else if (c == '(' || c == '[' || c == '{') {
                if (depth > 0) {
                    depth--;
                    continue;
                }
                if (c != '(') {
                    return null; // an array initializer or a block: not a call's argument
                }
                return new Call(callee(k), commas);
            } else if (depth == 0 && c == ',') {
                commas++;
            } else if (depth == 0 && c == ';') {
                return null;
            }
        }
        return null;
    }

    /** The callee before the open parenthesis at {@code paren}: "new Label", "Messages.get", "getStyleClass().add". */
    private String callee(int paren) {
        int k = paren - 1;
        while (k >= 0 && Character.isWhitespace(code.charAt(k))) {
            k--;
        }
        int end = k + 1;
        // Generic constructor or method: new TableColumn<>(…), new TableColumn<Row, String>(…)
        if (k >= 0 && code.charAt(k) == '>') {
            int angle = 0;
            for (; k >= 0; k--) {
                char c = code.charAt(k);
                if (c == '>') {
                    angle++;
                } else if (c == '<' && --angle == 0) {
                    k--;
                    break;
                }
            }
        }
        // The receiver chain: identifiers, dots and (balanced) call parentheses.
        int depth = 0;
        for (; k >= 0; k--) {
            char c = code.charAt(k);
            if (c == ')') {
                depth++;
            } else if (c == '(') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0 && !(Character.isJavaIdentifierPart(c) || c == '.')) {
                break;
            }
        }
        String chain = code.substring(k + 1, end).replaceAll("\\s+", "");
        // "new" before the type: a constructor.
        int w = k;
        while (w >= 0 && Character.isWhitespace(code.charAt(w))) {
            w--;
        }
        if (w >= 2 && code.startsWith("new", w - 2) && (w - 3 < 0 || !Character.isJavaIdentifierPart(code.charAt(w - 3)))) {
            chain = "new " + chain.replaceAll("<.*", "");
        }
        return chain;
    }

    /** The code right after a literal, up to the next line break, trimmed: "+ name", ".equals(x)", ")". */
    String after(Literal l) {
        int end = code.indexOf('\n', l.end());
        return code.substring(l.end(), end < 0 ? code.length() : end).strip();
    }

    /** The code right before a literal back to the start of its line, trimmed. */
    String before(Literal l) {
        int start = code.lastIndexOf('\n', l.start()) + 1;
        return code.substring(start, l.start()).strip();
    }

    /**
     * Every call of {@code callee} (as written, e.g. {@code "Messages.get"}, matched at a word start), with the
     * source ranges of its arguments.
     */
    List<CallSite> calls(String callee) {
        List<CallSite> sites = new ArrayList<>();
        String wanted = callee + "(";
        for (int at = code.indexOf(wanted); at >= 0; at = code.indexOf(wanted, at + 1)) {
            if (at > 0 && (Character.isJavaIdentifierPart(code.charAt(at - 1)))) {
                continue;
            }
            int open = at + callee.length();
            List<int[]> args = new ArrayList<>();
            int depth = 0;
            int argStart = open + 1;
            int k = open + 1;
            for (; k < code.length(); k++) {
                char c = code.charAt(k);
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    if (depth == 0) {
                        break;
                    }
                    depth--;
                } else if (c == ',' && depth == 0) {
                    args.add(new int[] {argStart, k});
                    argStart = k + 1;
                }
            }
            if (!code.substring(argStart, k).isBlank() || !args.isEmpty()) {
                args.add(new int[] {argStart, k});
            }
            sites.add(new CallSite(at, k, args));
        }
        return sites;
    }

    /** The literals inside a source range. */
    List<Literal> literalsIn(int[] range) {
        return literals.stream().filter(l -> l.start() >= range[0] && l.end() <= range[1]).toList();
    }

    /** The line an offset is on. */
    int lineOf(int offset) {
        int line = 1;
        for (int k = 0; k < offset && k < source.length(); k++) {
            if (source.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** A call in the source: where it starts and ends, and its arguments' ranges. */
    record CallSite(int start, int end, List<int[]> arguments) {
    }

    /** A call around a literal. */
    record Call(String callee, int argument) {

        /** The called method's or constructor's simple name: "get", "new Label", "add". */
        String name() {
            if (callee.startsWith("new ")) {
                String type = callee.substring(4);
                return "new " + type.substring(type.lastIndexOf('.') + 1);
            }
            int dot = callee.lastIndexOf('.');
            return dot < 0 ? callee : callee.substring(dot + 1);
        }

        /** The receiver chain before the name ("" for an unqualified call). */
        String receiver() {
            if (callee.startsWith("new ")) {
                return "";
            }
            int dot = callee.lastIndexOf('.');
            return dot < 0 ? "" : callee.substring(0, dot);
        }
    }
}
