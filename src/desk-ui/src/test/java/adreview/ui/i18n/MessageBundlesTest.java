package adreview.ui.i18n;

import adreview.review.RunPhase;
import adreview.review.decision.Verdict;
import adreview.review.prompt.Prompt;
import adreview.review.report.GroupBy;
import adreview.store.AdCopySource;
import adreview.ui.detail.ImageKind;
import adreview.ui.keys.KeyBinding;
import adreview.ui.list.VariantListViewModel;
import adreview.ui.review.FontPreviewSpec;
import adreview.ui.review.Stage1ResultViewModel;
import adreview.ui.review.TraceComparisonViewModel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Korean and English bundles say the same things: the same keys, each with a text, the same {0}, {1} in both, and
 * every text a valid {@link MessageFormat} pattern. The sources and the bundles agree: every key the code asks for
 * is there, with as many arguments as its text uses, and every key in the bundles is used, literally or as one of the
 * keys the code builds from an enum or a list ({@link #DYNAMIC}).
 */
class MessageBundlesTest {

    static final String DIR = "/adreview/ui/i18n/";

    /**
     * Keys the code builds as prefix + value ("run.phase." + the phase's name): each prefix with the values it is
     * built from. A prefix used with {@code +} in the sources must be listed here.
     */
    static final Map<String, List<String>> DYNAMIC = dynamic();

    private static Map<String, List<String>> dynamic() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("run.phase.", lower(RunPhase.values()));
        m.put("adCopySource.", lower(AdCopySource.values()));
        m.put("stage.", lower(Prompt.Stage.values()));
        m.put("key.", Arrays.stream(KeyBinding.values()).map(b -> b.messageKey().substring("key.".length())).toList());
        m.put("key.group.", lower(KeyBinding.Group.values()));
        m.put("image.kind.", lower(ImageKind.values()));
        m.put("verdict.", lower(Verdict.values()));
        m.put("status.", VariantListViewModel.KNOWN_STATUSES);
        m.put("report.groupBy.", lower(GroupBy.values()));
        m.put("font.word.", FontPreviewSpec.KNOWN_VALUES);
        m.put("compare.section.", TraceComparisonViewModel.SECTIONS.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
        m.put("stage1.level.", lower(Stage1ResultViewModel.ScoreLevel.values()));
        m.put("stage1.levelRange.", lower(Stage1ResultViewModel.ScoreLevel.values()));
        m.put("measured.verdict.", lower(adreview.checks.Verdict.values()));
        return m;
    }

    private static List<String> lower(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
    }

    static Properties bundle(Locale locale) {
        String name = DIR + "messages_" + locale.getLanguage() + ".properties";
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Texts that stay as they are in Korean: technical names. */
    static final Set<String> SAME_IN_KOREAN = Set.of(
            "models.column.dtype"); // the tensors' data type, as the model's config.json names it

    static final Properties EN = bundle(Locale.ENGLISH);
    static final Properties KO = bundle(Locale.KOREAN);

    static Set<String> keys(Properties p) {
        return new TreeSet<>(p.stringPropertyNames());
    }

    @Test
    void koreanAndEnglishHaveTheSameKeys() {
        assertThat(keys(KO)).as("keys in ko").containsExactlyElementsOf(keys(EN));
        assertThat(keys(EN)).hasSizeGreaterThan(400);
    }

    @Test
    void noKeyIsWrittenTwice() throws IOException {
        for (Locale l : Messages.LANGUAGES) {
            String name = DIR + "messages_" + l.getLanguage() + ".properties";
            List<String> lines;
            try (InputStream in = getClass().getResourceAsStream(name)) {
                lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            }
            Map<String, Long> counts = lines.stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("!") && line.contains("="))
                    .map(line -> line.substring(0, line.indexOf('=')).strip())
                    .collect(Collectors.groupingBy(k -> k, Collectors.counting()));
            assertThat(counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                    .as("keys written twice in " + name).isEmpty();
        }
    }

    @Test
    void everyTextIsThere() {
        for (Properties p : List.of(EN, KO)) {
            assertThat(keys(p).stream().filter(k -> p.getProperty(k).isBlank()).toList()).as("blank texts").isEmpty();
        }
        // A Korean text that is still the English one is a key someone forgot to translate (short technical ones aside).
        List<String> untranslated = keys(EN).stream()
                .filter(k -> EN.getProperty(k).equals(KO.getProperty(k)) && EN.getProperty(k).matches(".*[a-z]{4,}.*")
                        && !EN.getProperty(k).matches("[a-z]+") && !SAME_IN_KOREAN.contains(k))
                .toList();
        assertThat(untranslated).as("Korean texts that are the English ones").isEmpty();
    }

    @Test
    void bothLanguagesFillTheSameArguments() {
        for (String key : keys(EN)) {
            assertThat(arguments(KO.getProperty(key))).as("arguments of " + key + " in ko")
                    .isEqualTo(arguments(EN.getProperty(key)));
        }
    }

    @Test
    void everyTextIsAMessageFormatPattern() {
        for (Locale l : Messages.LANGUAGES) {
            Properties p = l.equals(Locale.KOREAN) ? KO : EN;
            for (String key : keys(p)) {
                String text = p.getProperty(key);
                new MessageFormat(text, l); // throws on a broken pattern
                if (arguments(text).isEmpty()) {
                    // Shown as written (no MessageFormat): a doubled apostrophe would show doubled.
                    assertThat(text).as(key + " in " + l + " has no arguments: write ' once").doesNotContain("''");
                } else {
                    // Formatted: a single apostrophe would start a quoted part and swallow text and arguments.
                    assertThat(text.replace("''", "")).as(key + " in " + l + " has arguments: write '' for '")
                            .doesNotContain("'");
                }
            }
        }
    }

    @Test
    void aFormattedTextKeepsItsApostrophes() {
        Messages.use(Locale.ENGLISH);
        assertThat(Messages.get("font.family", "NanumGothic", "35")).isEqualTo("NanumGothic, 35 px at this preview's width");
        assertThat(Messages.get("run.answer.prompt")).isEqualTo("The model's answer appears here as it is written.");
    }

    /** The argument indexes a pattern uses ({0}, {1}, …), outside quoted parts. */
    static Set<Integer> arguments(String pattern) {
        StringBuilder unquoted = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (!quoted) {
                unquoted.append(c);
            }
        }
        Set<Integer> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\s*(\\d+)\\s*[,}]").matcher(unquoted);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    /** A key the code asks for with Messages.get: where, and with how many arguments (-1: unknown, a varargs array). */
    record Use(String file, int line, String key, int arguments) {
    }

    /** Every literal key in Messages.get(…) calls of the main sources (each literal of a ?: counts). */
    static List<Use> uses() {
        List<Use> uses = new ArrayList<>();
        for (var e : MainSources.all().entrySet()) {
            JavaSource src = e.getValue();
            for (String callee : List.of("Messages.get", "adreview.ui.i18n.Messages.get")) {
                for (JavaSource.CallSite call : src.calls(callee)) {
                    if (call.arguments().isEmpty()) {
                        continue;
                    }
                    int[] first = call.arguments().get(0);
                    for (JavaSource.Literal l : src.literalsIn(first)) {
                        if (src.after(l).startsWith("+") || src.before(l).endsWith("+")) {
                            continue; // a built key: checked through DYNAMIC
                        }
                        JavaSource.Call around = src.enclosingCall(l);
                        if (around == null || !around.callee().endsWith("Messages.get")) {
                            continue; // the argument of a call inside the key's expression
                        }
                        uses.add(new Use(e.getKey(), l.line(), l.value(), call.arguments().size() - 1));
                    }
                }
            }
        }
        return uses;
    }

    @Test
    void everyKeyTheCodeAsksForIsThereWithItsArguments() {
        List<Use> uses = uses();
        assertThat(uses).hasSizeGreaterThan(300);
        List<String> missing = new ArrayList<>();
        List<String> wrongArguments = new ArrayList<>();
        for (Use u : uses) {
            String text = EN.getProperty(u.key());
            if (text == null) {
                missing.add(u.file() + ":" + u.line() + " " + u.key());
                continue;
            }
            int needed = arguments(text).stream().mapToInt(i -> i + 1).max().orElse(0);
            if (u.arguments() != needed) {
                wrongArguments.add(u.file() + ":" + u.line() + " " + u.key() + " given " + u.arguments()
                        + " argument(s), its text uses " + needed);
            }
        }
        assertThat(missing).as("keys missing from the bundles").isEmpty();
        assertThat(wrongArguments).as("Messages.get calls whose arguments do not fit the text").isEmpty();
    }

    /** Literals that look like keys of the bundles' groups ("run.cancel.tip"), wherever they are in the code. */
    static List<Use> keyLikeLiterals() {
        Set<String> groups = keys(EN).stream().map(k -> k.substring(0, k.indexOf('.') + 1)).filter(g -> !g.isEmpty())
                .collect(Collectors.toSet());
        List<Use> found = new ArrayList<>();
        for (var e : MainSources.all().entrySet()) {
            JavaSource src = e.getValue();
            for (JavaSource.Literal l : src.literals()) {
                String v = l.value();
                boolean keyLike = v.matches("[a-z][A-Za-z0-9]*(\\.[a-z0-9][A-Za-z0-9_-]*)+\\.?");
                if (keyLike && groups.stream().anyMatch(v::startsWith)
                        && !src.before(l).matches(".*\\b[A-Z_]*(KEY|PREFIX)\\s*=")) { // a preference key's constant
                    found.add(new Use(e.getKey(), l.line(), v, -1));
                }
            }
        }
        return found;
    }

    @Test
    void keysHandedToHelpersAreThereToo() {
        List<String> missing = keyLikeLiterals().stream()
                .filter(u -> !u.key().endsWith(".") && !EN.containsKey(u.key()))
                .map(u -> u.file() + ":" + u.line() + " " + u.key()).toList();
        assertThat(missing).as("key-like literals that are not keys").isEmpty();
    }

    @Test
    void everyBuiltKeyIsThereAndEveryPrefixIsKnown() {
        List<String> missing = new ArrayList<>();
        DYNAMIC.forEach((prefix, values) -> values.forEach(v -> {
            if (!EN.containsKey(prefix + v)) {
                missing.add(prefix + v);
            }
        }));
        assertThat(missing).as("built keys missing from the bundles").isEmpty();

        List<String> unknownPrefixes = new ArrayList<>();
        for (var e : MainSources.all().entrySet()) {
            JavaSource src = e.getValue();
            for (JavaSource.Literal l : src.literals()) {
                String v = l.value();
                if (v.endsWith(".") && src.after(l).startsWith("+") && keys(EN).stream().anyMatch(k -> k.startsWith(v))
                        && !DYNAMIC.containsKey(v)) {
                    unknownPrefixes.add(e.getKey() + ":" + l.line() + " \"" + v + "\" + …");
                }
            }
        }
        assertThat(unknownPrefixes).as("keys built from a prefix that MessageBundlesTest.DYNAMIC does not list").isEmpty();
    }

    @Test
    void everyKeyIsUsed() {
        Set<String> used = new TreeSet<>();
        MainSources.all().values().forEach(src -> src.literals().forEach(l -> used.add(l.value())));
        DYNAMIC.forEach((prefix, values) -> values.forEach(v -> used.add(prefix + v)));
        List<String> unused = keys(EN).stream().filter(k -> !used.contains(k)).toList();
        assertThat(unused).as("keys no code uses (remove them, or list their prefix in DYNAMIC)").isEmpty();
    }

    @Test
    void bothLanguagesLoadThroughMessages() {
        Map<Locale, String> titles = new HashMap<>();
        try {
            for (Locale l : Messages.LANGUAGES) {
                Messages.use(l);
                titles.put(l, Messages.get("app.title"));
                assertThat(Stream.of("run.cancel", "report.summary").map(Messages::get).toList())
                        .allSatisfy(t -> assertThat(t).doesNotStartWith("run.").doesNotStartWith("report."));
            }
            Messages.use(Locale.forLanguageTag("fr"));
            assertThat(Messages.get("app.title")).isEqualTo("Ad Review Desk"); // other languages: English
        } finally {
            Messages.use(Locale.ENGLISH);
        }
        assertThat(titles).containsEntry(Locale.ENGLISH, "Ad Review Desk").containsEntry(Locale.KOREAN, "광고 검수 데스크");
    }
}
