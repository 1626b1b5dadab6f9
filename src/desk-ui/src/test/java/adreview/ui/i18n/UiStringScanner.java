package adreview.ui.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds UI text written into the desk's sources instead of the message bundles. Two rules:
 * <ol>
 *   <li><b>sink</b>: a literal with any letter (any script) given to something that shows text ({@code setText},
 *   {@code new Label}, {@code new Tooltip}, dialog texts, …), whatever else is around it;</li>
 *   <li><b>words</b>: any other literal with two letters in a row, unless it is in one of the few places that are not
 *   UI ({@link #NON_UI_CALLS}, {@link #NON_UI_ARG0}, identifiers, {@code case} labels) or on the explicit
 *   {@link #ALLOWED} list, each entry with its reason.</li>
 * </ol>
 * Comments are never read; literals are judged by the code around them.
 */
final class UiStringScanner {

    /** One hard-coded string: where, what, which rule. */
    record Finding(String file, int line, String literal, String rule) {
        @Override
        public String toString() {
            return file + ":" + line + " \"" + literal + "\" (" + rule + ")";
        }
    }

    /** Literals allowed in one file, with the reason they are not UI text. */
    record Allowed(String file, Set<String> literals, String reason) {
    }

    /** Calls and constructors whose text arguments are shown to the reviewer. */
    static final Set<String> SINKS = Set.of("setText", "setPromptText", "setTitle", "setHeaderText", "setContentText",
            "setAccessibleText", "setAccessibleHelp", "setLabel", "setName", "showError", "confirm", "askText",
            "new Label", "new Button", "new ToggleButton", "new CheckBox", "new RadioButton", "new Tab", "new MenuItem",
            "new Menu", "new MenuButton", "new Tooltip", "new TableColumn", "new Text", "new TitledPane", "new Alert",
            "new ButtonType", "new Hyperlink", "new CheckMenuItem", "new RadioMenuItem", "new TextInputDialog");

    /** Calls whose literal arguments are never shown (any argument). */
    static final Set<String> NON_UI_CALLS = Set.of(
            "setId", "lookup", "lookupAll",                  // node ids and CSS selectors
            "setStyle", "getPseudoClass",                    // inline CSS, pseudo-classes
            "getResource", "getProperty",                    // classpath resources, system properties
            "ofPattern",                                     // date and time patterns
            "equals", "equalsIgnoreCase", "startsWith", "endsWith", "contains", "replace", // matching data, not showing it
            "task",                                          // background task names: logs and thread names only
            "requireNonNull",                                // null checks: a developer's message
            "SuppressWarnings");

    /** Calls whose first argument is a key or a name, never shown: message, preference and JSON keys, task names. */
    static final Set<String> NON_UI_ARG0 = Set.of("get", "put", "getDouble", "putDouble", "path", "hasNonNull",
            "io",             // a background task's name: logs and thread names only
            "font");          // Font.font(family, …): a font family

    /** Exceptions for programming errors: a developer reads them in the log, never a reviewer in the window. */
    static final Set<String> DEVELOPER_EXCEPTIONS = Set.of("new IllegalStateException", "new IllegalArgumentException",
            "new IOException");

    /** Literals that look like words but are not UI text, file by file (paths under adreview/ui/). */
    static final List<Allowed> ALLOWED = List.of(
            new Allowed("review/FontPreviewSpec.java", Set.of("serif", "bold", "large", "medium", "small", "dark", "light"),
                    "the model's font_recommendation wire values, matched and normalised; the caption shows font.* words"),
            new Allowed("review/FontPreviewSpec.java", Set.of("NanumMyeongjo", "Noto Serif CJK KR", "AppleMyungjo", "Batang",
                    "Serif", "NanumGothic", "Noto Sans CJK KR", "Apple SD Gothic Neo", "Malgun Gothic", "SansSerif",
                    "DejaVu Serif", "Georgia", "Times New Roman", "DejaVu Sans", "Helvetica Neue", "Arial"),
                    "font family names"),
            new Allowed("review/Stage1ResultView.java", Set.of("issue", "recommendation"), "bullet kinds: style-class suffixes"),
            new Allowed("review/Stage2ResultView.java", Set.of("issue"), "bullet kind: a style-class suffix"),
            new Allowed("review/TraceComparisonViewModel.java", Set.of("Call", "Prompt", "Model", "Request", "Answer"),
                    "section ids; the view shows compare.section.* words"),
            new Allowed("review/TraceComparisonViewModel.java", Set.of("null"), "the JSON null, shown as JSON writes it"),
            new Allowed("review/RunItem.java", Set.of("cancelled by the reviewer"),
                    "the cancellation reason stored in the trace (data, like the engine's error messages)"),
            new Allowed("DeskApplication.java", Set.of("the desk was closed during the run", "the desk was closed"),
                    "the stop reason stored in the trace (data, like the engine's error messages)"),
            new Allowed("detail/ImageArea.java", Set.of("Placeholder", "RenderPlaceholder", "ShowGenerated", "ShowRender"),
                    "node id suffixes"),
            new Allowed("detail/LargeView.java", Set.of("large"), "the image area's node id prefix"),
            new Allowed("detail/VariantDetailView.java", Set.of("detail"), "the image area's node id prefix"),
            new Allowed("list/VariantListViewModel.java", Set.of("overlay"), "a pipeline step name (variants.current_step)"),
            new Allowed("list/VariantListViewModel.java", Set.of("queued", "running", "done", "failed"),
                    "variants.status values in the database; badges and filters show status.* words"),
            new Allowed("keys/KeyBinding.java", Set.of("Space", "Esc / Space", "Ctrl+G", "Ctrl+Shift+C", "Shift+1", "Shift+2",
                    "Esc", "Shift+Esc", "Ctrl+Z"), "key names as printed on the keys"),
            new Allowed("keys/KeyBindings.java", Set.of(" and ", " both use "), "a clash report for KeyBindingsTest, never shown"),
            new Allowed("report/ReportFilters.java", Set.of("All"),
                    "the choice lists' 'no filter' entry, never shown as such (the converter writes report.filter.all)"),
            new Allowed("about/AboutInfo.java", Set.of("Java", "JavaFX"), "product names"),
            new Allowed("prefs/UiPreferences.java", Set.of("Ad Review Desk: remembered window layout and reviewer settings"),
                    "the comment at the top of the preferences file"),
            new Allowed("Screenshots.java", Set.of("png"), "the image format name"),
            new Allowed("image/ZoomableImageView.java", Set.of("image"), "a JavaFX property's name"),
            new Allowed("image/ThumbnailCache.java", Set.of("(none)"), "the cache key of a variant without an image"),
            new Allowed("report/ReportTables.java", Set.of("problem", "ok"), "the criteria's pairing labels, keys of the counts"),
            new Allowed("review/FontPreviewSpec.java", Set.of("rgba(255,255,255,0.35)", "rgba(0,0,0,0.6)"), "CSS colours"));

    private static final Pattern IDENTIFIER =
            Pattern.compile("[._]?[a-z0-9][A-Za-z0-9]*(?:[._\\-/:#@][A-Za-z0-9]+)*[._\\-/]?");

    private UiStringScanner() {
    }

    /** The hard-coded UI strings in one source file; {@code file} is its path under adreview/ui/. */
    static List<Finding> scan(String file, String source) {
        return scan(file, source, ALLOWED);
    }

    /** {@link #scan} with one literal taken off one allow-list entry: whether the entry still matters. */
    static List<Finding> scanWithout(String file, String source, Allowed entry, String literal) {
        List<Allowed> fewer = new ArrayList<>();
        for (Allowed a : ALLOWED) {
            if (a == entry) {
                Set<String> rest = new java.util.HashSet<>(a.literals());
                rest.remove(literal);
                fewer.add(new Allowed(a.file(), Set.copyOf(rest), a.reason()));
            } else {
                fewer.add(a);
            }
        }
        return scan(file, source, fewer);
    }

    private static List<Finding> scan(String file, String source, List<Allowed> allowed) {
        JavaSource src = new JavaSource(source);
        List<Finding> found = new ArrayList<>();
        for (JavaSource.Literal l : src.literals()) {
            String value = l.value();
            JavaSource.Call call = src.enclosingCall(l);
            if (call != null && SINKS.contains(call.name()) && hasLetter(value)) {
                if (!allowedInFile(allowed, file, value)) {
                    found.add(new Finding(file, l.line(), value, "shown by " + call.name()));
                }
                continue;
            }
            if (!hasTwoLetters(value) || notUi(src, l, call) || allowedInFile(allowed, file, value)) {
                continue;
            }
            found.add(new Finding(file, l.line(), value, call == null ? "words" : "words, in " + call.callee()));
        }
        return found;
    }

    private static boolean notUi(JavaSource src, JavaSource.Literal l, JavaSource.Call call) {
        String value = l.value();
        if (isIdentifier(value)) {
            return true; // style classes, ids, keys, JSON fields, step names: never prose
        }
        String after = src.after(l);
        if (after.startsWith(".equals(") || after.startsWith(".equalsIgnoreCase(")) {
            return true;
        }
        String before = src.before(l);
        if (before.matches("(.*\\W)?case(\\s*\"\\s*\"\\s*,)*")) {
            return true; // a case label: a value matched, not shown
        }
        if (before.matches(".*\\b[A-Z_]*(KEY|PREFIX)\\s*=")) {
            return true; // a preference key's constant
        }
        if (call == null) {
            return false;
        }
        String name = call.name();
        String receiver = call.receiver();
        if (name.equals("get") && receiver.endsWith("Messages")) {
            return call.argument() == 0;
        }
        return receiver.equals("LOG")
                || receiver.contains("getStyleClass()")
                || NON_UI_CALLS.contains(name)
                || NON_UI_ARG0.contains(name) && call.argument() == 0
                || DEVELOPER_EXCEPTIONS.contains(name);
    }

    static boolean isIdentifier(String value) {
        if (!IDENTIFIER.matcher(value).matches()) {
            return false;
        }
        // One plain lower-case word ("missing", "pass") may well be UI text; a dotted, dashed or camelCase one is not.
        return value.chars().anyMatch(c -> "._-/:#@".indexOf(c) >= 0) || value.chars().anyMatch(Character::isUpperCase);
    }

    private static boolean allowedInFile(List<Allowed> allowed, String file, String value) {
        for (Allowed a : allowed) {
            if (file.equals(a.file()) && a.literals().contains(value)) {
                return true;
            }
        }
        return false;
    }

    static boolean hasLetter(String s) {
        return plain(s).codePoints().anyMatch(Character::isLetter);
    }

    /** The literal without its escapes (\n, \t, backslash-u sequences), which are not letters of a text. */
    private static String plain(String s) {
        return s.replaceAll("\\\\u[0-9a-fA-F]{4}", " ").replaceAll("\\\\.", " ");
    }

    /** Two letters in a row (any script); escapes such as \n or backslash-u sequences do not count as words. */
    static boolean hasTwoLetters(String s) {
        String plain = plain(s);
        int run = 0;
        for (int i = 0; i < plain.length(); ) {
            int cp = plain.codePointAt(i);
            run = Character.isLetter(cp) ? run + 1 : 0;
            if (run >= 2) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }
}
