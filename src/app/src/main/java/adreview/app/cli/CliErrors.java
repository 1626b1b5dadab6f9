package adreview.app.cli;

/** One-line error messages for the CLI (no stack traces). */
final class CliErrors {
    private CliErrors() {
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
