package adreview.ui.checks;

import adreview.checks.BoxContrast;
import adreview.checks.CtaResult;
import adreview.checks.Disagreement;
import adreview.checks.MeasuredReport;
import adreview.checks.OcclusionResult;
import adreview.checks.QualityReport;
import adreview.checks.Verdict;
import adreview.ui.i18n.Messages;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

import java.util.List;
import java.util.Locale;

/**
 * The "Measured" panel: what the pixels and the layout say, beside the model's verdicts. Per text
 * box the WCAG ratio with a sample of the two measured colours and the AA / AAA verdicts; the call
 * to action; how much of each box covers the subject; image quality; and, on top, every field where
 * the model's answer contradicts the measurement. Display only: give it a report with {@link #show}.
 */
public class MeasuredPanel extends VBox {

    public MeasuredPanel() {
        setSpacing(10);
        setPadding(new Insets(12));
        setFillWidth(true);
        setStyle("-fx-background-color: white;");
        getStyleClass().add("measured-panel");
        showNothing(Messages.get("measured.notYet"));
    }

    /** Shows a placeholder line instead of a report (nothing selected, measuring, failed). */
    public void showNothing(String message) {
        getChildren().setAll(title(null), muted(message));
    }

    /** Shows a report and the model disagreements computed for it (empty list: none, or no model yet). */
    public void show(MeasuredReport r, List<Disagreement> disagreements) {
        getChildren().setAll(title(r));
        if (!disagreements.isEmpty()) {
            getChildren().add(disagreements(disagreements));
        }
        getChildren().addAll(contrast(r), cta(r.cta()), occlusion(r.occlusion()), quality(r.quality()));
        if (!r.notes().isEmpty()) {
            VBox notes = new VBox(2);
            r.notes().forEach(n -> notes.getChildren().add(wrapped(muted("• " + n))));
            getChildren().add(notes);
        }
    }

    private static Node title(MeasuredReport r) {
        Label t = new Label(Messages.get("tab.measured"));
        t.setFont(Font.font("System", FontWeight.BOLD, 16));
        t.setMinWidth(Label.USE_PREF_SIZE);
        HBox box = new HBox(8, t);
        box.setAlignment(Pos.BASELINE_LEFT);
        if (r != null) {
            Label subtitle = wrapped(muted(Messages.get("measured.subtitle", r.placement().name(),
                    String.valueOf(r.placement().width()), String.valueOf(r.placement().height()), String.valueOf(r.millis()))));
            HBox.setHgrow(subtitle, Priority.ALWAYS);
            box.getChildren().add(subtitle);
        }
        return box;
    }

    private static Node disagreements(List<Disagreement> list) {
        VBox box = new VBox(4);
        box.setPadding(new Insets(8));
        box.setStyle("-fx-background-color: #FCE8E6; -fx-border-color: #D93025; -fx-border-width: 0 0 0 4;");
        Label head = new Label(Messages.get("measured.disagrees"));
        head.setFont(Font.font("System", FontWeight.BOLD, 12));
        head.setTextFill(VerdictStyle.FAIL);
        box.getChildren().add(head);
        for (Disagreement d : list) {
            box.getChildren().add(wrapped(new Label(Messages.get("measured.disagreement", d.field(),
                    String.valueOf(d.model()), String.valueOf(d.measured()), d.detail()))));
        }
        return box;
    }

    private static Node contrast(MeasuredReport r) {
        VBox section = section(Messages.get("measured.contrast"), r.contrastAa(),
                Messages.get("measured.contrast.chip", VerdictStyle.word(r.contrastAa())));
        if (r.contrast().isEmpty()) {
            section.getChildren().add(muted(Messages.get("measured.contrast.none")));
            return section;
        }
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        int row = 0;
        for (BoxContrast c : r.contrast()) {
            Label name = fixed(new Label(label(c.role(), c.box())));
            name.setFont(Font.font("System", FontWeight.BOLD, 12));
            Label text = muted(abbreviate(c.text(), 26));
            text.setMaxWidth(120);
            VBox who = new VBox(0, name, text);
            Label ratio = fixed(new Label(String.format(Locale.ROOT, "%.2f:1", c.worstRatio())));
            ratio.setFont(Font.font("Monospaced", FontWeight.BOLD, 13));
            ratio.setTextFill(VerdictStyle.colour(c.aa()));
            Label need = muted(Messages.get(c.largeText() ? "measured.needs.large" : "measured.needs",
                    String.format(Locale.ROOT, "%.1f", c.requiredAa())));
            need.setWrapText(true);
            need.setMaxWidth(92);
            need.setMinHeight(Label.USE_PREF_SIZE);
            Node sample = sample(c);
            HBox chips = new HBox(4, chip(Messages.get("measured.aa", VerdictStyle.word(c.aa())), VerdictStyle.colour(c.aa())),
                    chip(Messages.get("measured.aaa", VerdictStyle.word(c.aaa())), VerdictStyle.colour(c.aaa())));
            chips.setAlignment(Pos.CENTER_LEFT);
            // The chips on a line of their own keep the grid to three narrow columns: it fits the side panel at 1280 px.
            VBox ratioBox = new VBox(0, ratio, need);
            grid.addRow(row++, who, ratioBox, sample);
            grid.add(chips, 0, row++, 3, 1);
            if (c.note() != null) {
                Label note = wrapped(muted(c.note()));
                grid.add(note, 0, row++, 3, 1);
            }
        }
        section.getChildren().add(grid);
        return section;
    }

    /** "Aa" in the measured text colour on the measured background, with the two hex values. */
    private static Node sample(BoxContrast c) {
        if (c.textColour() == null || c.backgroundColour() == null) {
            return muted("—");
        }
        Label aa = fixed(new Label(Messages.get("measured.sample")));
        aa.setFont(Font.font("System", FontWeight.BOLD, 15));
        aa.setTextFill(Color.web(c.textColour()));
        aa.setAlignment(Pos.CENTER);
        aa.setStyle("-fx-background-color: " + c.backgroundColour() + "; -fx-border-color: #DADCE0; -fx-padding: 2 7 2 7;");
        Label fg = fixed(muted(c.textColour()));
        fg.setFont(Font.font("Monospaced", 11));
        Label bg = fixed(muted(Messages.get("measured.on", c.backgroundColour())));
        bg.setFont(Font.font("Monospaced", 11));
        HBox box = new HBox(6, aa, new VBox(0, fg, bg));
        box.setAlignment(Pos.CENTER_LEFT);
        String tip = Messages.get("measured.sample.tip", c.textColour(), c.backgroundColour(),
                String.format(Locale.ROOT, "%.2f", c.worstRatio()), String.format(Locale.ROOT, "%.0f", c.dominantShare() * 100));
        Tooltip.install(box, new Tooltip(c.designerColour() == null ? tip
                : Messages.get("measured.sample.tip.designer", tip, c.designerColour())));
        return box;
    }

    private static Node cta(CtaResult cta) {
        Verdict v = switch (cta.status()) {
            case PRESENT -> Verdict.PASS;
            case ABSENT -> Verdict.FAIL;
            case NOT_MEASURED -> Verdict.UNDETERMINED;
        };
        String word = switch (cta.status()) {
            case PRESENT -> Messages.get("measured.cta.present");
            case ABSENT -> Messages.get("measured.cta.absent");
            case NOT_MEASURED -> Messages.get("measured.notMeasured");
        };
        VBox section = section(Messages.get("measured.cta"), v, word);
        if (cta.status() == CtaResult.Status.ABSENT) {
            section.getChildren().add(muted(Messages.get("measured.cta.none")));
        }
        for (CtaResult.Match m : cta.matches()) {
            String why = m.byRole() && m.phrase() != null ? Messages.get("measured.cta.byBoth", m.phrase())
                    : m.byRole() ? Messages.get("measured.cta.byRole") : Messages.get("measured.cta.byPhrase", m.phrase());
            section.getChildren().add(wrapped(new Label("\"" + abbreviate(m.text(), 50) + "\"  (" + why + ")")));
        }
        return section;
    }

    private static Node occlusion(OcclusionResult o) {
        if (o.status() == OcclusionResult.Status.NOT_MEASURED) {
            VBox section = section(Messages.get("measured.occlusion"), Verdict.UNDETERMINED, Messages.get("measured.notMeasured"));
            section.getChildren().add(muted(Messages.get("measured.occlusion.needs")));
            return section;
        }
        boolean any = Boolean.TRUE.equals(o.anyFlagged());
        VBox section = section(Messages.get("measured.occlusion"), any ? Verdict.FAIL : Verdict.PASS,
                Messages.get(any ? "measured.occlusion.covers" : "measured.occlusion.clear"));
        section.getChildren().add(wrapped(muted(Messages.get("measured.occlusion.subject",
                String.format(Locale.ROOT, "%.0f", o.subjectShare() * 100),
                o.method() == null ? "" : o.method().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                String.format(Locale.ROOT, "%.0f", o.flagThreshold() * 100)))));
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(3);
        int row = 0;
        for (OcclusionResult.BoxOcclusion b : o.boxes()) {
            Label pct = new Label(String.format(Locale.ROOT, "%3.0f%%", b.overSubject() * 100));
            pct.setFont(Font.font("Monospaced", FontWeight.BOLD, 12));
            pct.setTextFill(b.flagged() ? VerdictStyle.FAIL : VerdictStyle.NEUTRAL);
            grid.addRow(row++, new Label(label(b.role(), b.box())), pct,
                    b.flagged() ? chip(Messages.get("measured.overSubject"), VerdictStyle.FAIL)
                            : muted(Messages.get("measured.overTheSubject")));
        }
        section.getChildren().add(grid);
        return section;
    }

    private static Node quality(QualityReport q) {
        if (q == null) {
            VBox section = section(Messages.get("measured.quality"), Verdict.UNDETERMINED, Messages.get("measured.notMeasured"));
            section.getChildren().add(muted(Messages.get("measured.quality.needs")));
            return section;
        }
        VBox section = section(Messages.get("measured.quality"), q.ok() ? Verdict.PASS : Verdict.FAIL,
                Messages.get(q.ok() ? "measured.ok" : "measured.problems"));
        // Rows of their own, not a grid: a grid gives a wrapped detail one line's height and the lines overlap.
        VBox rows = new VBox(3);
        rows.getChildren().add(qualityRow(fixed(new Label(Messages.get("measured.resolution"))), okChip(q.resolutionOk()), wrappedMuted(
                Messages.get("measured.resolution.detail", String.valueOf(q.width()), String.valueOf(q.height()),
                        q.placement().name(), String.valueOf(q.placement().width()), String.valueOf(q.placement().height()))
                + (q.upscale() > 1 ? Messages.get("measured.enlarge", String.format(Locale.ROOT, "%.2f", q.upscale())) : "")
                + (q.cropShare() > 0.005 ? Messages.get("measured.crop", String.format(Locale.ROOT, "%.0f", q.cropShare() * 100)) : ""))));
        rows.getChildren().add(qualityRow(fixed(new Label(Messages.get("measured.sharpness"))), okChip(q.sharpOk()), wrappedMuted(Messages.get(
                "measured.sharpness.detail", String.format(Locale.ROOT, "%.1f", q.detailLaplacianVariance()),
                String.format(Locale.ROOT, "%.1f", q.laplacianVariance())))));
        rows.getChildren().add(qualityRow(fixed(new Label(Messages.get("measured.exposure"))), okChip(q.exposureOk()), wrappedMuted(Messages.get(
                "measured.exposure.detail", String.format(Locale.ROOT, "%.1f", q.shadowsClipped() * 100),
                String.format(Locale.ROOT, "%.1f", q.highlightsClipped() * 100)))));
        section.getChildren().add(rows);
        q.problems().forEach(p -> section.getChildren().add(wrapped(muted("• " + p))));
        return section;
    }

    private static VBox section(String title, Verdict verdict, String word) {
        Label t = new Label(title);
        t.setFont(Font.font("System", FontWeight.BOLD, 13));
        HBox head = new HBox(8, t, chip(word, VerdictStyle.colour(verdict)));
        head.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(5, head);
        box.setPadding(new Insets(6, 0, 6, 0));
        box.setStyle("-fx-border-color: #E8EAED; -fx-border-width: 1 0 0 0;");
        VBox.setVgrow(box, Priority.NEVER);
        return box;
    }

    /** A label that never elides: its minimum width is its preferred width. */
    private static Label fixed(Label l) {
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private static Label okChip(boolean ok) {
        return chip(Messages.get(ok ? "measured.ok" : "measured.problem"), ok ? VerdictStyle.PASS : VerdictStyle.FAIL);
    }

    private static Label chip(String text, Color colour) {
        Label l = new Label(text);
        l.setFont(Font.font("System", FontWeight.BOLD, 11));
        l.setTextFill(Color.WHITE);
        l.setMinWidth(Label.USE_PREF_SIZE);
        l.setStyle("-fx-background-color: " + VerdictStyle.web(colour) + "; -fx-background-radius: 8; -fx-padding: 1 7 1 7;");
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.setTextFill(VerdictStyle.NEUTRAL);
        l.setFont(Font.font("System", 11));
        return l;
    }

    private static Node qualityRow(Label name, Node chip, Label detail) {
        name.setPrefWidth(76);
        HBox row = new HBox(8, name, chip, detail);
        row.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(detail, Priority.ALWAYS);
        return row;
    }

    private static Label wrappedMuted(String text) {
        Label l = wrapped(muted(text));
        l.setMinWidth(0);
        l.setMinHeight(Label.USE_PREF_SIZE);
        return l;
    }

    private static Label wrapped(Label l) {
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private static String label(String role, int index) {
        return (role == null || role.isEmpty() ? Messages.get("measured.box") : role) + " #" + index;
    }

    private static String abbreviate(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
