package adreview.checks;

import com.fasterxml.jackson.databind.JsonNode;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The measured checks of one variant, in one call: contrast and call to action from the render
 * and its layout, occlusion and image quality from the generated image. Pure computation on
 * images already in memory: no model, no database, safe to call from any thread (each call uses
 * its own buffers).
 */
public final class MeasuredChecks {

    private final CheckThresholds thresholds;
    private final ContrastEstimator contrast;
    private final CtaDetector cta;
    private final SubjectDetector subjects;
    private final ImageQuality quality;

    public MeasuredChecks() {
        this(CheckThresholds.defaults(), CtaPhrases.bundled());
    }

    public MeasuredChecks(CheckThresholds thresholds, CtaPhrases phrases) {
        this.thresholds = thresholds;
        this.contrast = new ContrastEstimator(thresholds);
        this.cta = new CtaDetector(phrases);
        this.subjects = new SubjectDetector(thresholds.saliency(), thresholds.saliencyBlurSigma());
        this.quality = new ImageQuality(thresholds.quality());
    }

    public CheckThresholds thresholds() {
        return thresholds;
    }

    /**
     * Measures what the inputs allow.
     *
     * @param generated the generated image before overlay (occlusion, quality); may be null
     * @param render    the finished ad with text overlaid (contrast); may be null
     * @param layout    {@code overlay_layouts.layout} (text boxes, CTA); may be null
     * @param placement the placement the ad is for; null picks the known placement closest in
     *                  aspect ratio to the generated image (or the render)
     */
    public MeasuredReport measure(BufferedImage generated, BufferedImage render, JsonNode layout, Placement placement) {
        long start = System.nanoTime();
        List<String> notes = new ArrayList<>();
        OverlayLayout parsed = OverlayLayout.fromJson(layout);
        notes.addAll(parsed.notes());
        if (layout == null || layout.isNull()) {
            notes.add("no overlay layout: contrast, call to action and occlusion need its text boxes");
        } else if (parsed.boxes().isEmpty()) {
            notes.add("the overlay layout has no usable text boxes");
        }
        RgbPixels renderPx = render == null ? null : RgbPixels.of(render);
        RgbPixels genPx = generated == null ? null : RgbPixels.of(generated);
        if (placement == null) {
            BufferedImage ref = generated != null ? generated : render;
            placement = ref == null ? Placement.FEED : Placement.closestTo(ref.getWidth(), ref.getHeight());
        }

        List<BoxContrast> contrasts = new ArrayList<>();
        if (renderPx == null) {
            if (!parsed.boxes().isEmpty()) {
                notes.add("no render: text contrast not measured");
            }
        } else {
            List<TextBox> boxes = scaledTo(parsed, renderPx.width(), renderPx.height(), notes, "render");
            for (TextBox b : boxes) {
                contrasts.add(contrast.measure(renderPx, b));
            }
        }

        CtaResult ctaResult = cta.detect(parsed.boxes());

        OcclusionResult occlusion = OcclusionResult.notMeasured();
        QualityReport qualityReport = null;
        if (genPx == null) {
            notes.add("no generated image: occlusion and image quality not measured");
        } else {
            qualityReport = quality.measure(genPx, placement);
            if (!parsed.boxes().isEmpty()) {
                occlusion = occlusion(genPx, parsed, renderPx, notes);
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new MeasuredReport(placement, contrasts, overall(contrasts), ctaResult, occlusion, qualityReport,
                notes, millis);
    }

    private OcclusionResult occlusion(RgbPixels gen, OverlayLayout layout, RgbPixels render, List<String> notes) {
        SubjectMask mask = subjects.subject(gen);
        // Boxes are in render pixels; the generated image is assumed to be the render's picture at
        // another scale, so boxes map proportionally.
        int refW = render != null ? render.width() : (layout.renderWidth() > 0 ? layout.renderWidth() : gen.width());
        int refH = render != null ? render.height() : (layout.renderHeight() > 0 ? layout.renderHeight() : gen.height());
        List<TextBox> inRender = scaledTo(layout, refW, refH, notes, "render");
        double sx = (double) gen.width() / refW;
        double sy = (double) gen.height() / refH;
        List<OcclusionResult.BoxOcclusion> boxes = new ArrayList<>();
        for (TextBox b : inRender) {
            double over = mask.overlap((int) Math.round(b.x() * sx), (int) Math.round(b.y() * sy),
                    (int) Math.round(b.w() * sx), (int) Math.round(b.h() * sy));
            boxes.add(new OcclusionResult.BoxOcclusion(b.index(), b.role(), b.text(), Math.round(over * 1000) / 1000.0,
                    over >= thresholds.occlusionFlag()));
        }
        int[] bounds = mask.bounds();
        Rect subject = bounds == null ? null : new Rect((int) Math.round(bounds[0] / sx), (int) Math.round(bounds[1] / sy),
                (int) Math.round(bounds[2] / sx), (int) Math.round(bounds[3] / sy));
        if (subject == null) {
            notes.add("no salient subject found in the generated image");
        }
        return new OcclusionResult(OcclusionResult.Status.MEASURED, subjects.method(), subject, Math.round(mask.share() * 1000) / 1000.0,
                thresholds.occlusionFlag(), boxes);
    }

    /** The layout's boxes in the pixels of an image of the given size (layouts may declare another size). */
    private static List<TextBox> scaledTo(OverlayLayout layout, int w, int h, List<String> notes, String what) {
        if (layout.renderWidth() <= 0 || layout.renderHeight() <= 0
                || (layout.renderWidth() == w && layout.renderHeight() == h)) {
            return layout.boxes();
        }
        double sx = (double) w / layout.renderWidth();
        double sy = (double) h / layout.renderHeight();
        String note = "layout declares " + layout.renderWidth() + "x" + layout.renderHeight() + " but the " + what
                + " is " + w + "x" + h + ": boxes scaled";
        if (!notes.contains(note)) {
            notes.add(note);
        }
        List<TextBox> out = new ArrayList<>();
        for (TextBox b : layout.boxes()) {
            out.add(new TextBox(b.index(), b.text(), b.role(), (int) Math.round(b.x() * sx), (int) Math.round(b.y() * sy),
                    (int) Math.round(b.w() * sx), (int) Math.round(b.h() * sy), b.font(), b.bold(), b.sizePx() * sy, b.colour()));
        }
        return out;
    }

    private static Verdict overall(List<BoxContrast> boxes) {
        if (boxes.isEmpty()) {
            return Verdict.UNDETERMINED;
        }
        if (boxes.stream().anyMatch(b -> b.aa() == Verdict.FAIL)) {
            return Verdict.FAIL;
        }
        return boxes.stream().allMatch(b -> b.aa() == Verdict.PASS) ? Verdict.PASS : Verdict.UNDETERMINED;
    }

    /**
     * Where the model's Stage 2 verdicts contradict the measurement. A null model value (the model
     * did not answer the field) or a measurement that is undetermined or not measured gives no
     * disagreement: only a clear contradiction is flagged.
     */
    public static List<Disagreement> disagreements(MeasuredReport report, Boolean modelContrastOk,
                                                   Boolean modelCtaPresent, Boolean modelOcclusion) {
        List<Disagreement> out = new ArrayList<>();
        Boolean contrastOk = report.contrastOk();
        if (modelContrastOk != null && contrastOk != null && !modelContrastOk.equals(contrastOk)) {
            String detail;
            if (contrastOk) {
                detail = "every text box measures at least its WCAG AA ratio; lowest "
                        + lowest(report) + ":1";
            } else {
                BoxContrast worst = report.contrast().stream().filter(b -> b.aa() == Verdict.FAIL)
                        .min((a, b) -> Double.compare(a.worstRatio() / a.requiredAa(), b.worstRatio() / b.requiredAa()))
                        .orElseThrow();
                detail = String.format(java.util.Locale.ROOT, "%s \"%s\" measures %.2f:1, below the %.1f:1 WCAG AA needs",
                        label(worst.role(), worst.box()), abbreviate(worst.text()), worst.worstRatio(), worst.requiredAa());
            }
            out.add(new Disagreement("contrast_ok", modelContrastOk, contrastOk, detail));
        }
        Boolean ctaPresent = report.cta().present();
        if (modelCtaPresent != null && ctaPresent != null && !modelCtaPresent.equals(ctaPresent)) {
            String detail = ctaPresent
                    ? "call to action found: \"" + abbreviate(report.cta().matches().get(0).text()) + "\""
                    : "no text box has role cta or a call-to-action phrase";
            out.add(new Disagreement("cta_present", modelCtaPresent, ctaPresent, detail));
        }
        Boolean occluded = report.occlusion().anyFlagged();
        if (modelOcclusion != null && occluded != null && !modelOcclusion.equals(occluded)) {
            String detail;
            if (occluded) {
                OcclusionResult.BoxOcclusion b = report.occlusion().boxes().stream()
                        .filter(OcclusionResult.BoxOcclusion::flagged)
                        .max((a, c) -> Double.compare(a.overSubject(), c.overSubject())).orElseThrow();
                detail = String.format(java.util.Locale.ROOT, "%s \"%s\" lies %.0f%% over the subject", label(b.role(), b.box()),
                        abbreviate(b.text()), b.overSubject() * 100);
            } else {
                detail = String.format(java.util.Locale.ROOT, "no text box lies %.0f%% or more over the subject",
                        report.occlusion().flagThreshold() * 100);
            }
            out.add(new Disagreement("occlusion", modelOcclusion, occluded, detail));
        }
        return out;
    }

    private static String lowest(MeasuredReport r) {
        return String.format(java.util.Locale.ROOT, "%.2f",
                r.contrast().stream().mapToDouble(BoxContrast::worstRatio).min().orElse(0));
    }

    private static String label(String role, int index) {
        return (role == null || role.isEmpty() ? "box" : role) + " #" + index;
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 40 ? s : s.substring(0, 39) + "…";
    }
}
