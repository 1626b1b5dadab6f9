package adreview.app;

import java.util.Arrays;

/**
 * JVM-style {@code -Dname=value} arguments at the start of the command line, applied as system properties. A
 * packaged launcher (jpackage) passes everything after its name to the program, so {@code ad-review-desk
 * -Dadreview.home=DIR list} must work as {@code java -Dadreview.home=DIR -jar ad-review-desk.jar list} does.
 */
final class LauncherArgs {

    private LauncherArgs() {
    }

    /** Applies the leading {@code -Dname=value} arguments and returns the rest. */
    static String[] applySystemProperties(String[] args) {
        int i = 0;
        while (i < args.length && args[i].startsWith("-D") && args[i].length() > 2) {
            String def = args[i].substring(2);
            int eq = def.indexOf('=');
            System.setProperty(eq < 0 ? def : def.substring(0, eq), eq < 0 ? "" : def.substring(eq + 1));
            i++;
        }
        return Arrays.copyOfRange(args, i, args.length);
    }
}
