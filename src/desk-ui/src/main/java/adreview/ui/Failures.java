package adreview.ui;

/** Turns an exception into one readable sentence for the window: the innermost useful message, no stack trace. */
public final class Failures {

    private Failures() {
    }

    public static String describe(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        Throwable t = error;
        String best = null;
        while (t != null) {
            String m = t.getMessage();
            if (m != null && !m.isBlank() && !m.startsWith("java.")) {
                best = m;
                if (!(t instanceof java.util.concurrent.ExecutionException)
                        && !(t instanceof java.lang.reflect.InvocationTargetException)) {
                    break;
                }
            }
            if (t.getCause() == t) {
                break;
            }
            t = t.getCause();
        }
        if (best == null) {
            best = error.getClass().getSimpleName();
        }
        String firstLine = best.lines().findFirst().orElse(best).strip();
        return firstLine.length() > 400 ? firstLine.substring(0, 400) + "…" : firstLine;
    }
}
