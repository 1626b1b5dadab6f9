package adreview.review.structured;

import java.util.ArrayList;
import java.util.List;

/**
 * A byte-level automaton accepting exactly the JSON texts of one {@link JsonShape}: a flat
 * sequence of elements (optional whitespace, literal, enum, number in [0,1], string, list of
 * strings). A state is packed into a {@code long} so that walking the token trie allocates nothing;
 * {@link #step(long, int)} returns the next state or {@link #REJECT}.
 *
 * <p>State bits: element index (0–9), phase (10–13), count (14–25: bytes of a string or literal/enum
 * position or fraction digits), items of a list (26–31), whitespace run (32–35), aux (36–43: enum
 * candidates, or pending UTF-8 continuation bytes and the allowed range of the next one).
 */
public final class SchemaAutomaton {

    public static final long REJECT = -1L;

    static final int WS = 0, LIT = 1, ENUM = 2, NUM01 = 3, STR = 4, LIST = 5, END = 6;

    /** Longest whitespace run allowed between structural characters (indent + newline of pretty JSON). */
    static final int MAX_WS = 12;

    // String sub-phases (STR uses them directly, LIST offsets them by LIST_STRING).
    private static final int S_OPEN = 0, S_CONTENT = 1, S_ESCAPE = 2, S_UTF8 = 3;
    // List phases.
    private static final int L_OPEN = 0, L_AFTER_OPEN = 1, L_AFTER_ITEM = 2, L_AFTER_COMMA = 3, LIST_STRING = 4;
    // Number phases.
    private static final int N_START = 0, N_ZERO = 1, N_ONE = 2, N_ZERO_DOT = 3, N_ZERO_FRAC = 4, N_ONE_DOT = 5, N_ONE_FRAC = 6;

    // UTF-8 continuation ranges (RFC 3629 table).
    private static final int[] RANGE_LO = {0x80, 0xA0, 0x80, 0x90, 0x80};
    private static final int[] RANGE_HI = {0xBF, 0xBF, 0x9F, 0xBF, 0x8F};

    private final int[] kind;
    private final byte[][] literal;
    private final byte[][][] enumValues;
    private final int[] limitA; // STR: max bytes; LIST: max items; NUM01: max fraction digits
    private final int[] limitB; // LIST: max item bytes
    private final int[] minRestAfter;

    private SchemaAutomaton(List<int[]> specs, List<byte[]> lits, List<byte[][]> enums) {
        int n = specs.size();
        kind = new int[n];
        limitA = new int[n];
        limitB = new int[n];
        literal = new byte[n][];
        enumValues = new byte[n][][];
        for (int i = 0; i < n; i++) {
            kind[i] = specs.get(i)[0];
            limitA[i] = specs.get(i)[1];
            limitB[i] = specs.get(i)[2];
            literal[i] = lits.get(i);
            enumValues[i] = enums.get(i);
        }
        minRestAfter = new int[n];
        int rest = 0;
        for (int i = n - 1; i >= 0; i--) {
            minRestAfter[i] = rest;
            rest += minFresh(i);
        }
    }

    public long start() {
        return enter(0);
    }

    public boolean isComplete(long s) {
        return kind[elem(s)] == END;
    }

    /** The fewest bytes that complete a JSON text from state {@code s}. */
    public int minCompletion(long s) {
        int e = elem(s);
        int phase = phase(s);
        int own;
        switch (kind[e]) {
            case WS, END -> own = 0;
            case LIT -> own = literal[e].length - count(s);
            case ENUM -> {
                int best = Integer.MAX_VALUE;
                int mask = aux(s);
                for (int i = 0; i < enumValues[e].length; i++) {
                    if ((mask & (1 << i)) != 0) {
                        best = Math.min(best, enumValues[e][i].length - count(s));
                    }
                }
                own = best;
            }
            case NUM01 -> own = (phase == N_START || phase == N_ZERO_DOT || phase == N_ONE_DOT) ? 1 : 0;
            case STR -> own = stringMin(phase, s);
            case LIST -> own = switch (phase) {
                case L_OPEN -> 2;
                case L_AFTER_OPEN, L_AFTER_ITEM -> 1;
                case L_AFTER_COMMA -> 3;
                default -> stringMin(phase - LIST_STRING, s) + 1;
            };
            default -> throw new IllegalStateException();
        }
        return own + minRestAfter[e];
    }

    private static int stringMin(int sub, long s) {
        return switch (sub) {
            case S_OPEN -> 2;
            case S_CONTENT -> 1;
            case S_ESCAPE -> 2;
            default -> (aux(s) & 3) + 1;
        };
    }

    private int minFresh(int e) {
        switch (kind[e]) {
            case LIT:
                return literal[e].length;
            case ENUM: {
                int best = Integer.MAX_VALUE;
                for (byte[] v : enumValues[e]) {
                    best = Math.min(best, v.length);
                }
                return best;
            }
            case NUM01:
                return 1;
            case STR:
            case LIST:
                return 2;
            default:
                return 0;
        }
    }

    /** Advances by one byte ({@code 0..255}); {@link #REJECT} when the byte cannot follow. */
    public long step(long s, int b) {
        int e = elem(s);
        switch (kind[e]) {
            case WS: {
                if (isWs(b)) {
                    int w = ws(s);
                    return w < MAX_WS ? withWs(s, w + 1) : REJECT;
                }
                return step(enter(e + 1), b);
            }
            case LIT: {
                int pos = count(s);
                byte[] lit = literal[e];
                if ((lit[pos] & 0xFF) != b) {
                    return REJECT;
                }
                return pos + 1 == lit.length ? enter(e + 1) : withCount(s, pos + 1);
            }
            case ENUM:
                return stepEnum(s, e, b);
            case NUM01:
                return stepNumber(s, e, b);
            case STR:
                return stepString(s, e, b);
            case LIST:
                return stepList(s, e, b);
            default:
                return REJECT;
        }
    }

    private long stepEnum(long s, int e, int b) {
        int pos = count(s);
        int mask = aux(s);
        int next = 0;
        byte[][] values = enumValues[e];
        boolean finished = false;
        for (int i = 0; i < values.length; i++) {
            if ((mask & (1 << i)) != 0 && pos < values[i].length && (values[i][pos] & 0xFF) == b) {
                next |= 1 << i;
                finished |= pos + 1 == values[i].length;
            }
        }
        if (next == 0) {
            return REJECT;
        }
        // Values are prefix-free (quoted strings, true/false), so a finished value is the only candidate.
        return finished ? enter(e + 1) : pack(e, 0, pos + 1, 0, 0, next);
    }

    private long stepNumber(long s, int e, int b) {
        int phase = phase(s);
        int digits = count(s);
        boolean digit = b >= '0' && b <= '9';
        switch (phase) {
            case N_START:
                return b == '0' ? pack(e, N_ZERO, 0, 0, 0, 0) : b == '1' ? pack(e, N_ONE, 0, 0, 0, 0) : REJECT;
            case N_ZERO:
                return b == '.' ? pack(e, N_ZERO_DOT, 0, 0, 0, 0) : step(enter(e + 1), b);
            case N_ONE:
                return b == '.' ? pack(e, N_ONE_DOT, 0, 0, 0, 0) : step(enter(e + 1), b);
            case N_ZERO_DOT:
                return digit ? pack(e, N_ZERO_FRAC, 1, 0, 0, 0) : REJECT;
            case N_ONE_DOT:
                return b == '0' ? pack(e, N_ONE_FRAC, 1, 0, 0, 0) : REJECT;
            case N_ZERO_FRAC:
                if (digit) {
                    return digits < limitA[e] ? pack(e, N_ZERO_FRAC, digits + 1, 0, 0, 0) : REJECT;
                }
                return step(enter(e + 1), b);
            case N_ONE_FRAC:
                if (digit) {
                    return b == '0' && digits < limitA[e] ? pack(e, N_ONE_FRAC, digits + 1, 0, 0, 0) : REJECT;
                }
                return step(enter(e + 1), b);
            default:
                return REJECT;
        }
    }

    private long stepString(long s, int e, int b) {
        int phase = phase(s);
        if (phase == S_OPEN) {
            return b == '"' ? pack(e, S_CONTENT, 0, 0, 0, 0) : REJECT;
        }
        long r = stringBody(s, phase, 0, limitA[e], b);
        return r == CLOSED ? enter(e + 1) : r;
    }

    private long stepList(long s, int e, int b) {
        int phase = phase(s);
        int items = items(s);
        switch (phase) {
            case L_OPEN:
                return b == '[' ? pack(e, L_AFTER_OPEN, 0, 0, 0, 0) : REJECT;
            case L_AFTER_OPEN:
            case L_AFTER_ITEM:
            case L_AFTER_COMMA: {
                if (isWs(b)) {
                    int w = ws(s);
                    return w < MAX_WS ? withWs(s, w + 1) : REJECT;
                }
                if (b == '"' && phase != L_AFTER_ITEM) {
                    if (phase == L_AFTER_OPEN && limitA[e] == 0) {
                        return REJECT;
                    }
                    return pack(e, LIST_STRING + S_CONTENT, 0, items + 1, 0, 0);
                }
                if (b == ']' && phase != L_AFTER_COMMA) {
                    return enter(e + 1);
                }
                if (b == ',' && phase == L_AFTER_ITEM) {
                    return items < limitA[e] ? pack(e, L_AFTER_COMMA, 0, items, 0, 0) : REJECT;
                }
                return REJECT;
            }
            default: {
                long r = stringBody(s, phase - LIST_STRING, LIST_STRING, limitB[e], b);
                return r == CLOSED ? pack(e, L_AFTER_ITEM, 0, items, 0, 0) : r;
            }
        }
    }

    private static final long CLOSED = -2L;

    /**
     * One byte of string content. {@code count} holds the content bytes written so far, including
     * the reserved bytes of an unfinished escape or UTF-8 sequence, so the bound is checked when a
     * sequence starts and never cut in half.
     */
    private static long stringBody(long s, int sub, int phaseOffset, int maxBytes, int b) {
        int c = count(s);
        switch (sub) {
            case S_CONTENT: {
                if (b == '"') {
                    return CLOSED;
                }
                if (b == '\\') {
                    return c + 2 <= maxBytes ? withPhaseCount(s, phaseOffset + S_ESCAPE, c + 2, 0) : REJECT;
                }
                if (b < 0x20) {
                    return REJECT;
                }
                if (b < 0x80) {
                    return c + 1 <= maxBytes ? withPhaseCount(s, phaseOffset + S_CONTENT, c + 1, 0) : REJECT;
                }
                int need;
                int range;
                if (b >= 0xC2 && b <= 0xDF) {
                    need = 1; range = 0;
                } else if (b == 0xE0) {
                    need = 2; range = 1;
                } else if (b == 0xED) {
                    need = 2; range = 2;
                } else if (b >= 0xE1 && b <= 0xEF) {
                    need = 2; range = 0;
                } else if (b == 0xF0) {
                    need = 3; range = 3;
                } else if (b >= 0xF1 && b <= 0xF3) {
                    need = 3; range = 0;
                } else if (b == 0xF4) {
                    need = 3; range = 4;
                } else {
                    return REJECT;
                }
                return c + need + 1 <= maxBytes ? withPhaseCount(s, phaseOffset + S_UTF8, c + need + 1, need | (range << 2)) : REJECT;
            }
            case S_ESCAPE: {
                switch (b) {
                    case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
                        return withPhaseCount(s, phaseOffset + S_CONTENT, c, 0);
                    default:
                        return REJECT;
                }
            }
            case S_UTF8: {
                int a = aux(s);
                int need = a & 3;
                int range = a >>> 2;
                if (b < RANGE_LO[range] || b > RANGE_HI[range]) {
                    return REJECT;
                }
                return need == 1 ? withPhaseCount(s, phaseOffset + S_CONTENT, c, 0)
                        : withPhaseCount(s, phaseOffset + S_UTF8, c, (need - 1));
            }
            default:
                return REJECT;
        }
    }

    /**
     * The state with everything that cannot influence the next {@code horizon} bytes folded away:
     * the byte count of a string is replaced by its remaining room, clamped at {@code horizon}. Two
     * states with one key accept exactly the same tokens up to {@code horizon} bytes long.
     */
    public long cacheKey(long s, int horizon) {
        int e = elem(s);
        int phase = phase(s);
        int max;
        if (kind[e] == STR && phase != S_OPEN) {
            max = limitA[e];
        } else if (kind[e] == LIST && phase >= LIST_STRING) {
            max = limitB[e];
        } else {
            return s;
        }
        int room = Math.min(max - count(s), horizon);
        return withCount(s, room);
    }

    private long enter(int e) {
        int aux = kind[e] == ENUM ? (1 << enumValues[e].length) - 1 : 0;
        return pack(e, 0, 0, 0, 0, aux);
    }

    private static boolean isWs(int b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    // --- packing ---------------------------------------------------------------------------

    static long pack(int elem, int phase, int count, int items, int ws, int aux) {
        return (long) elem | ((long) phase << 10) | ((long) count << 14) | ((long) items << 26)
                | ((long) ws << 32) | ((long) aux << 36);
    }

    static int elem(long s) {
        return (int) (s & 0x3FF);
    }

    static int phase(long s) {
        return (int) ((s >>> 10) & 0xF);
    }

    static int count(long s) {
        return (int) ((s >>> 14) & 0xFFF);
    }

    static int items(long s) {
        return (int) ((s >>> 26) & 0x3F);
    }

    static int ws(long s) {
        return (int) ((s >>> 32) & 0xF);
    }

    static int aux(long s) {
        return (int) ((s >>> 36) & 0xFF);
    }

    private static long withCount(long s, int count) {
        return (s & ~(0xFFFL << 14)) | ((long) count << 14);
    }

    private static long withWs(long s, int ws) {
        return (s & ~(0xFL << 32)) | ((long) ws << 32);
    }

    private static long withPhaseCount(long s, int phase, int count, int aux) {
        return pack(elem(s), phase, count, items(s), 0, aux);
    }

    // --- building ----------------------------------------------------------------------------

    /** Builds the element sequence; used by {@link JsonShape#compile()}. */
    static final class Builder {
        private final List<int[]> specs = new ArrayList<>();
        private final List<byte[]> lits = new ArrayList<>();
        private final List<byte[][]> enums = new ArrayList<>();

        private void add(int kind, int a, int b, byte[] lit, byte[][] en) {
            specs.add(new int[] {kind, a, b});
            lits.add(lit);
            enums.add(en);
        }

        Builder ws() {
            if (!specs.isEmpty() && specs.get(specs.size() - 1)[0] == WS) {
                return this;
            }
            add(WS, 0, 0, null, null);
            return this;
        }

        Builder literal(String text) {
            add(LIT, 0, 0, JsonShape.utf8(text), null);
            return this;
        }

        Builder enumOf(List<String> values) {
            if (values.isEmpty() || values.size() > 8) {
                throw new IllegalArgumentException("An enum needs 1 to 8 values, got " + values);
            }
            byte[][] v = values.stream().map(JsonShape::utf8).toArray(byte[][]::new);
            add(ENUM, 0, 0, null, v);
            return this;
        }

        Builder number01(int maxFractionDigits) {
            add(NUM01, maxFractionDigits, 0, null, null);
            return this;
        }

        Builder string(int maxBytes) {
            checkBytes(maxBytes);
            add(STR, maxBytes, 0, null, null);
            return this;
        }

        Builder stringList(int maxItems, int maxItemBytes) {
            checkBytes(maxItemBytes);
            if (maxItems < 0 || maxItems > 63) {
                throw new IllegalArgumentException("A list holds 0 to 63 items, got " + maxItems);
            }
            add(LIST, maxItems, maxItemBytes, null, null);
            return this;
        }

        Builder end() {
            add(END, 0, 0, null, null);
            return this;
        }

        private static void checkBytes(int maxBytes) {
            if (maxBytes < 1 || maxBytes > 4000) {
                throw new IllegalArgumentException("A string holds 1 to 4000 bytes, got " + maxBytes);
            }
        }

        SchemaAutomaton build() {
            if (specs.size() > 1000) {
                throw new IllegalArgumentException("Schema too large: " + specs.size() + " elements");
            }
            return new SchemaAutomaton(specs, lits, enums);
        }
    }
}
