package adreview.ui.i18n;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No UI text is written into the desk-ui sources: labels, buttons, tooltips, prompts, titles, column headers,
 * placeholders, chart labels, dialog texts and the sentences the view models compose all come from the bundles
 * ({@link UiStringScanner} says what counts). The scanner itself is tested on small snippets, so that the main test
 * passing means something.
 */
class NoHardCodedUiStringsTest {

    @Test
    void theDeskUiSourcesHaveNoHardCodedUiText() {
        List<UiStringScanner.Finding> found = new ArrayList<>();
        MainSources.all().forEach((file, src) -> found.addAll(UiStringScanner.scan(file, src.source())));
        assertThat(found).as("UI text outside the bundles: move it to messages_en/_ko.properties and use Messages.get")
                .isEmpty();
    }

    @Test
    void everyAllowanceIsStillNeeded() {
        var sources = MainSources.all();
        List<String> unneeded = new ArrayList<>();
        for (UiStringScanner.Allowed a : UiStringScanner.ALLOWED) {
            JavaSource src = sources.get(a.file());
            if (src == null) {
                unneeded.add(a.file() + " (no such file)");
                continue;
            }
            for (String literal : a.literals()) {
                // Needed when the file has the literal and the scanner would flag it without this entry.
                String probe = src.source();
                List<UiStringScanner.Finding> without = UiStringScanner.scanWithout(a.file(), probe, a, literal);
                if (without.stream().noneMatch(f -> f.literal().equals(literal))) {
                    unneeded.add(a.file() + " \"" + literal + "\"");
                }
            }
        }
        assertThat(unneeded).as("allow-list entries nothing needs any more").isEmpty();
    }

    // ---- the scanner itself ----

    private static List<UiStringScanner.Finding> scan(String code) {
        return UiStringScanner.scan("Snippet.java", "class Snippet {\n" + code + "\n}\n");
    }

    @Test
    void aNewLabelWithEnglishTextFails() {
        assertThat(scan("void f() { var l = new Label(\"Hello\"); }"))
                .singleElement().satisfies(f -> {
                    assertThat(f.literal()).isEqualTo("Hello");
                    assertThat(f.rule()).contains("new Label");
                    assertThat(f.line()).isEqualTo(2);
                });
    }

    @Test
    void anyScriptAndEvenOneLetterCountsAtASink() {
        assertThat(scan("void f() { b.setText(\"저장\"); t.setTooltip(new Tooltip(\"A\")); }")).hasSize(2);
        assertThat(scan("void f() { col = new TableColumn<Row, String>(\"Name\"); p.setPromptText(\"x\"); }")).hasSize(2);
        assertThat(scan("void f() { s.setName(\"reviewer: \" + other); a.setHeaderText(\"Sure?\"); }")).hasSize(2);
    }

    @Test
    void composedSentencesAndReturnedWordsFail() {
        assertThat(scan("String f(int n) { return n + \" variants\"; }")).singleElement()
                .satisfies(f -> assertThat(f.literal()).isEqualTo(" variants"));
        assertThat(scan("String f(boolean ok) { return ok ? \"present\" : \"absent\"; }")).hasSize(2);
        assertThat(scan("void f() { message.set(\"Could not compare: \" + e); }")).hasSize(1);
        assertThat(scan("void f() { x = String.format(Locale.ROOT, \"needs %.1f\", r); }")).hasSize(1);
    }

    @Test
    void keysStyleClassesIdsLogsAndCommentsPass() {
        assertThat(scan("""
                // A comment with words: "Hello there"
                /** Javadoc "Run Stage 1". */
                void f() {
                    l.setText(Messages.get("run.cancel"));
                    l.setText(Messages.get("run.queued", 3));
                    l.getStyleClass().add("rv-kbd");
                    l.getStyleClass().addAll("rv-list", "rv-list-" + kind);
                    l.setId("runStage1Button");
                    LOG.warn("A run listener failed", e);
                    l.setStyle("-fx-background-color: white;");
                    if ("pass".equals(item) || item.startsWith("fail")) { }
                    var n = response.path("rejudge");
                    var t = Font.font("System", 12);
                    executor.io("list variants", c -> s.variants());
                    switch (size) { case "large" -> x = 1; default -> x = 2; }
                    char c = 'x';
                }
                static final String REVIEWER_KEY = "reviewer.name";
                """)).isEmpty();
    }

    @Test
    void theArgumentsOfMessagesGetAreStillChecked() {
        // The key is fine; a word given as one of its arguments is UI text all the same.
        assertThat(scan("void f() { l.setText(Messages.get(\"decision.saved\", \"Accepted\", x)); }")).hasSize(1);
    }

    @Test
    void theAllowListIsPerFile() {
        String code = "class X { static final List<String> S = List.of(\"queued\", \"running\"); }";
        assertThat(UiStringScanner.scan("list/VariantListViewModel.java", code)).isEmpty();
        assertThat(UiStringScanner.scan("list/Other.java", code)).hasSize(2);
    }
}
