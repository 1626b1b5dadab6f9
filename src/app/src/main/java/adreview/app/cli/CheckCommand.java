package adreview.app.cli;

import adreview.app.DeskContext;
import adreview.app.Main;
import adreview.checks.BoxContrast;
import adreview.checks.CtaResult;
import adreview.checks.MeasuredChecks;
import adreview.checks.MeasuredReport;
import adreview.checks.OcclusionResult;
import adreview.checks.Placement;
import adreview.checks.QualityReport;
import adreview.review.measured.VariantMeasurement;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code check --variant ID [--json] [--placement P]}: the measured checks of one variant (contrast,
 * call to action, occlusion, image quality), without any model.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Measure one variant from its pixels and layout: WCAG text contrast, call to action, "
                + "text over the subject, image quality. Needs no model.")
public final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--variant", required = true, paramLabel = "ID", description = "jobs_variants.job_variants_id: the whole UUID or its first 8+ characters.")
    String variantArg;

    @Option(names = "--placement", paramLabel = "PLACEMENT",
            description = "feed (1080x1350), story (1080x1920), square, landscape or WIDTHxHEIGHT; "
                    + "default: the one closest to the image's aspect ratio.")
    String placementArg;

    @Option(names = "--json", description = "Print the measured report as JSON (as stored under `measured` in traces).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Placement placement = placementArg == null ? null : Placement.parse(placementArg);
        MeasuredReport report;
        UUID variantId;
        try (DeskContext context = main.openContext()) {
            variantId = context.ids().variant(variantArg);
            VariantMeasurement measurement = new VariantMeasurement(context.variants(), context.renders(),
                    context.overlays(), context.assets(), new MeasuredChecks(), context.config().imageLimits());
            report = measurement.measure(variantId, placement);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonNode tree = CliJson.MAPPER.valueToTree(report);
            out.println(CliJson.pretty(tree));
        } else {
            out.println(text(variantId, report));
        }
        out.flush();
        return 0;
    }

    static String text(UUID variantId, MeasuredReport r) {
        StringBuilder s = new StringBuilder();
        s.append("Variant    ").append(variantId).append('\n');
        s.append("Placement  ").append(r.placement().name()).append(' ')
                .append(r.placement().width()).append('x').append(r.placement().height()).append('\n');
        s.append("Contrast   WCAG 1.4.3 AA: ").append(r.contrastAa()).append('\n');
        for (BoxContrast c : r.contrast()) {
            s.append(String.format(Locale.ROOT, "  %-12s %6.2f:1  %s on %s  AA %-12s AAA %-12s %s%n",
                    label(c.role(), c.box()), c.worstRatio(), c.textColour(), c.backgroundColour(), c.aa(), c.aaa(),
                    quote(c.text())));
            if (c.note() != null) {
                s.append("               ").append(c.note()).append('\n');
            }
        }
        s.append("CTA        ").append(r.cta().status());
        for (CtaResult.Match m : r.cta().matches()) {
            s.append("  ").append(quote(m.text())).append(m.byRole() ? " (role cta)" : "")
                    .append(m.phrase() != null ? " (phrase \"" + m.phrase() + "\")" : "");
        }
        s.append('\n');
        OcclusionResult o = r.occlusion();
        s.append("Occlusion  ").append(o.status());
        if (o.status() == OcclusionResult.Status.MEASURED) {
            s.append(String.format(Locale.ROOT, "  subject %.0f%% of the image%s", o.subjectShare() * 100,
                    o.subjectBounds() == null ? "" : String.format(Locale.ROOT, " at %d,%d %dx%d", o.subjectBounds().x(),
                            o.subjectBounds().y(), o.subjectBounds().w(), o.subjectBounds().h())));
            s.append('\n');
            for (OcclusionResult.BoxOcclusion b : o.boxes()) {
                s.append(String.format(Locale.ROOT, "  %-12s %3.0f%% over the subject%s%n", label(b.role(), b.box()),
                        b.overSubject() * 100, b.flagged() ? "  FLAGGED" : ""));
            }
        } else {
            s.append('\n');
        }
        QualityReport q = r.quality();
        if (q == null) {
            s.append("Quality    NOT_MEASURED\n");
        } else {
            s.append(String.format(Locale.ROOT, "Quality    %s  %dx%d, upscale %.2fx, crop %.0f%%, sharpness %.1f "
                            + "(whole image %.1f), clipped %.1f%% black / %.1f%% white%n",
                    q.ok() ? "OK" : "PROBLEMS", q.width(), q.height(), q.upscale(), q.cropShare() * 100,
                    q.detailLaplacianVariance(), q.laplacianVariance(), q.shadowsClipped() * 100,
                    q.highlightsClipped() * 100));
            q.problems().forEach(p -> s.append("  ").append(p).append('\n'));
        }
        r.notes().forEach(n -> s.append("Note       ").append(n).append('\n'));
        s.append("Measured in ").append(r.millis()).append(" ms");
        return s.toString();
    }

    private static String label(String role, int index) {
        return (role == null || role.isEmpty() ? "box" : role) + " #" + index;
    }

    private static String quote(String text) {
        if (text == null) {
            return "\"\"";
        }
        String t = text.length() > 48 ? text.substring(0, 47) + "…" : text;
        return "\"" + t + "\"";
    }
}
