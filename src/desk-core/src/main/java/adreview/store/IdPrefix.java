package adreview.store;

import java.util.Locale;
import java.util.UUID;

/**
 * An id as a reviewer types it: a whole UUID, or its start, at least {@value #MIN_DIGITS} hex digits (the desk shows
 * ids by their first 8 characters). Any case; hyphens where the canonical form has them ({@code 3f0c1a52-8d55}), or
 * none. The prefix covers the UUIDs from {@link #lowest()} to {@link #highest()}: PostgreSQL orders {@code uuid}
 * byte by byte, which is the order of the canonical hex text, so that range is one index range scan of the key.
 *
 * @param digits the hex digits typed, lower case, without hyphens (8 to 32 of them)
 */
public record IdPrefix(String digits) {

    /** Fewest hex digits a prefix may have: what the desk shows of an id. */
    public static final int MIN_DIGITS = 8;
    private static final int UUID_DIGITS = 32;

    public IdPrefix {
        if (digits.length() < MIN_DIGITS || digits.length() > UUID_DIGITS || !digits.chars().allMatch(IdPrefix::isHex)) {
            throw new IllegalArgumentException("not an id prefix: " + digits);
        }
    }

    /**
     * Reads {@code typed}; {@code what} ("variant", "job", "trace") names the id in the one-sentence error.
     *
     * @throws IdResolutionException MALFORMED or TOO_SHORT
     */
    public static IdPrefix parse(String typed, String what) {
        String text = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        StringBuilder digits = new StringBuilder(UUID_DIGITS);
        boolean malformed = text.isEmpty();
        for (int i = 0; i < text.length() && !malformed; i++) {
            char c = text.charAt(i);
            if (isHex(c)) {
                digits.append(c);
            } else {
                // A hyphen only where the canonical form has one (after 8, 12, 16 and 20 digits), once.
                int n = digits.length();
                malformed = c != '-' || !(n == 8 || n == 12 || n == 16 || n == 20) || text.charAt(i - 1) == '-';
            }
        }
        if (malformed || digits.length() > UUID_DIGITS) {
            throw new IdResolutionException(IdResolutionException.Problem.MALFORMED, "'" + typed + "' is not a " + what
                    + " id: give the whole UUID (such as 3f0c1a52-8d55-4c4e-9a8e-2f1b7c6d5e4f) or its first "
                    + MIN_DIGITS + " or more characters; `list` shows them");
        }
        if (digits.length() < MIN_DIGITS) {
            // Worded "is not a … id" like MALFORMED: scripts and people read both as "that is no id".
            throw new IdResolutionException(IdResolutionException.Problem.TOO_SHORT, "'" + typed + "' is not a " + what
                    + " id: too short, give at least " + MIN_DIGITS + " of its characters (as the desk shows it) or the"
                    + " whole UUID");
        }
        return new IdPrefix(digits.toString());
    }

    /** True when every digit was typed: the prefix is the id itself. */
    public boolean whole() {
        return digits.length() == UUID_DIGITS;
    }

    /** The smallest UUID that starts with this prefix (the rest zeros). */
    public UUID lowest() {
        return uuid(digits + "0".repeat(UUID_DIGITS - digits.length()));
    }

    /** The greatest UUID that starts with this prefix (the rest {@code f}). */
    public UUID highest() {
        return uuid(digits + "f".repeat(UUID_DIGITS - digits.length()));
    }

    /** The prefix in the canonical form's spelling, hyphens included: what messages quote. */
    public String shown() {
        return lowest().toString().substring(0, digits.length() + hyphensWithin(digits.length()));
    }

    private static int hyphensWithin(int n) {
        return (n > 8 ? 1 : 0) + (n > 12 ? 1 : 0) + (n > 16 ? 1 : 0) + (n > 20 ? 1 : 0);
    }

    private static UUID uuid(String hex32) {
        return new UUID(Long.parseUnsignedLong(hex32.substring(0, 16), 16), Long.parseUnsignedLong(hex32.substring(16), 16));
    }

    private static boolean isHex(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
    }
}
