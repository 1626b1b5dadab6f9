package adreview.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MeasuredChecksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int W = 1080;
    private static final int H = 1920;

    private final MeasuredChecks checks = new MeasuredChecks();

    /** A generated image, its render with text drawn on it, and the layout that describes the text. */
    private record Variant(BufferedImage generated, BufferedImage render, JsonNode layout) {
    }

    private static Variant variant(boolean lowContrast, boolean withCta, boolean textOverProduct) {
        BufferedImage generated = Drawn.productScene(W, H);
        BufferedImage render = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = render.createGraphics();
        g.drawImage(generated, 0, 0, null);
        g.dispose();
        List<TextBox> boxes = new ArrayList<>();
        Color headline = lowContrast ? new Color(0xC9BFB2) : new Color(0x2B1D12);
        boxes.add(Drawn.text(render, 0, "headline", "갓 볶은 원두, 매일 아침", 80, 160, 72, true, headline, 16));
        Rect p = Drawn.productBounds(W, H);
        int bodyY = textOverProduct ? p.y() + p.h() / 3 : 420;
        boxes.add(Drawn.text(render, 1, "body", "Single origin, roasted weekly", textOverProduct ? 300 : 80, bodyY, 40, false,
                new Color(0x3A2A1A), 12));
        if (withCta) {
            // A dark button with a white label under the product.
            Graphics2D b = render.createGraphics();
            b.setColor(new Color(0x1E4D3A));
            b.fillRoundRect(330, 1660, 420, 120, 40, 40);
            b.dispose();
            boxes.add(Drawn.text(render, 2, "cta", "지금 구매하기", 380, 1680, 52, true, Color.WHITE, 12));
        }
        return new Variant(generated, render, layout(boxes));
    }

    static ObjectNode layout(List<TextBox> boxes) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode render = root.putObject("render");
        render.put("url", "/assets/demo/test.png").put("width", W).put("height", H);
        ArrayNode arr = root.putArray("text_boxes");
        for (TextBox b : boxes) {
            arr.addObject().put("text", b.text()).put("role", b.role()).put("x", b.x()).put("y", b.y())
                    .put("w", b.w()).put("h", b.h()).put("font", b.font()).put("weight", b.bold() ? "bold" : "normal")
                    .put("size", b.sizePx()).put("colour", b.colour());
        }
        return root;
    }

    @Test
    void goodVariantPassesEveryMeasuredCheck() {
        Variant v = variant(false, true, false);

        MeasuredReport r = checks.measure(v.generated(), v.render(), v.layout(), Placement.STORY);

        assertThat(r.contrast()).hasSize(3).allSatisfy(c -> assertThat(c.aa()).as(c.toString()).isEqualTo(Verdict.PASS));
        assertThat(r.contrastAa()).isEqualTo(Verdict.PASS);
        assertThat(r.contrast().get(2).backgroundColour()).isEqualTo("#1E4D3A");
        assertThat(r.contrast().get(2).textColour()).isEqualTo("#FFFFFF");
        assertThat(r.cta().status()).isEqualTo(CtaResult.Status.PRESENT);
        assertThat(r.cta().matches()).extracting(CtaResult.Match::text).containsExactly("지금 구매하기");
        assertThat(r.occlusion().status()).isEqualTo(OcclusionResult.Status.MEASURED);
        assertThat(r.occlusion().anyFlagged()).as(r.occlusion().toString()).isFalse();
        assertThat(r.quality()).isNotNull();
        assertThat(r.quality().resolutionOk()).isTrue();
        assertThat(MeasuredChecks.disagreements(r, true, true, false)).isEmpty();
    }

    @Test
    void plantedFaultsAreFound() {
        Variant low = variant(true, true, false);
        Variant noCta = variant(false, false, false);
        Variant over = variant(false, true, true);

        MeasuredReport lowR = checks.measure(low.generated(), low.render(), low.layout(), Placement.STORY);
        MeasuredReport noCtaR = checks.measure(noCta.generated(), noCta.render(), noCta.layout(), Placement.STORY);
        MeasuredReport overR = checks.measure(over.generated(), over.render(), over.layout(), Placement.STORY);

        assertThat(lowR.contrastAa()).isEqualTo(Verdict.FAIL);
        assertThat(lowR.contrast().get(0).aa()).isEqualTo(Verdict.FAIL);
        assertThat(lowR.contrast().get(0).ratio()).isLessThan(3.0);
        assertThat(noCtaR.cta().status()).isEqualTo(CtaResult.Status.ABSENT);
        assertThat(overR.occlusion().boxes().get(1).flagged()).isTrue();
        assertThat(overR.occlusion().boxes().get(1).overSubject()).isGreaterThan(0.5);
        assertThat(overR.occlusion().boxes().get(0).flagged()).isFalse();
    }

    @Test
    void disagreementsNameTheContradictedFieldOnly() {
        Variant low = variant(true, false, true);
        MeasuredReport r = checks.measure(low.generated(), low.render(), low.layout(), Placement.STORY);

        List<Disagreement> all = MeasuredChecks.disagreements(r, true, true, false);
        assertThat(all).extracting(Disagreement::field).containsExactly("contrast_ok", "cta_present", "occlusion");
        assertThat(all.get(0).model()).isTrue();
        assertThat(all.get(0).measured()).isFalse();
        assertThat(all.get(0).detail()).contains("headline #0").contains(":1");
        assertThat(all.get(1).detail()).contains("no text box");
        assertThat(all.get(2).detail()).contains("body #1").contains("over the subject");

        assertThat(MeasuredChecks.disagreements(r, false, false, true)).isEmpty();
        assertThat(MeasuredChecks.disagreements(r, null, null, null)).isEmpty();
    }

    @Test
    void undeterminedContrastNeverDisagrees() {
        MeasuredReport r = new MeasuredReport(Placement.FEED, List.of(), Verdict.UNDETERMINED,
                new CtaResult(CtaResult.Status.NOT_MEASURED, List.of()), OcclusionResult.notMeasured(), null, List.of(), 0);
        assertThat(MeasuredChecks.disagreements(r, true, true, true)).isEmpty();
        assertThat(MeasuredChecks.disagreements(r, false, false, false)).isEmpty();
    }

    @Test
    void reportSurvivesAJsonRoundTrip() throws Exception {
        Variant v = variant(true, true, true);
        MeasuredReport r = checks.measure(v.generated(), v.render(), v.layout(), Placement.STORY);

        String json = JSON.writeValueAsString(r);
        MeasuredReport back = JSON.readValue(json, MeasuredReport.class);

        assertThat(back).isEqualTo(r);
        JsonNode tree = JSON.readTree(json);
        assertThat(tree.path("contrast").get(0).path("aa").asText()).isEqualTo("FAIL");
        assertThat(tree.path("cta").path("status").asText()).isEqualTo("PRESENT");
        assertThat(tree.path("occlusion").path("boxes").get(1).path("flagged").asBoolean()).isTrue();
        assertThat(tree.path("placement").path("name").asText()).isEqualTo("story");
    }

    @Test
    void missingInputsAreReportedNotThrown() {
        MeasuredReport r = checks.measure(null, null, null, null);

        assertThat(r.contrast()).isEmpty();
        assertThat(r.contrastAa()).isEqualTo(Verdict.UNDETERMINED);
        assertThat(r.cta().status()).isEqualTo(CtaResult.Status.NOT_MEASURED);
        assertThat(r.occlusion().status()).isEqualTo(OcclusionResult.Status.NOT_MEASURED);
        assertThat(r.quality()).isNull();
        assertThat(r.notes()).anyMatch(n -> n.contains("no overlay layout")).anyMatch(n -> n.contains("no generated image"));
    }

    @Test
    void layoutWithBadBoxesKeepsTheGoodOnesAndNamesTheBadOnes() throws Exception {
        JsonNode layout = JSON.readTree("""
                {"render":{"url":"/assets/demo/x.png","width":400,"height":200},
                 "text_boxes":[{"text":"no position","role":"body"},
                               {"text":"Shop now","role":"cta","x":10,"y":10,"w":100,"h":40,"weight":"bold","size":20},
                               {"text":"empty","x":0,"y":0,"w":0,"h":10}]}""");
        MeasuredReport r = checks.measure(null, Drawn.fill(400, 200, Color.WHITE), layout, Placement.FEED);

        assertThat(r.contrast()).singleElement().satisfies(c -> assertThat(c.box()).isEqualTo(1));
        assertThat(r.cta().matches()).singleElement().satisfies(m -> assertThat(m.phrase()).isEqualTo("shop now"));
        assertThat(r.notes()).anyMatch(n -> n.contains("text box 0")).anyMatch(n -> n.contains("text box 2"));
    }

    @Test
    void boxesAreScaledWhenTheRenderIsNotTheDeclaredSize() {
        Variant v = variant(false, true, false);
        BufferedImage half = new BufferedImage(W / 2, H / 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = half.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(v.render(), 0, 0, W / 2, H / 2, null);
        g.dispose();

        MeasuredReport r = checks.measure(null, half, v.layout(), Placement.STORY);

        assertThat(r.notes()).anyMatch(n -> n.contains("1080x1920") && n.contains("540x960"));
        assertThat(r.contrast().get(2).backgroundColour()).isEqualTo("#1E4D3A");
        assertThat(r.contrast().get(2).aa()).isEqualTo(Verdict.PASS);
    }

    @Test
    void timingOfTheFullChecksOnA1080x1920Variant() {
        Variant v = variant(false, true, false);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 3; i++) {
            checks.measure(v.generated(), v.render(), v.layout(), Placement.STORY); // warm-up
        }
        int runs = 9;
        long[] wall = new long[runs];
        long[] cpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            MeasuredReport r = checks.measure(v.generated(), v.render(), v.layout(), Placement.STORY);
            wall[i] = (System.nanoTime() - t0) / 1_000_000;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
            assertThat(r.contrast()).hasSize(3);
        }
        java.util.Arrays.sort(wall);
        java.util.Arrays.sort(cpu);
        // Reported, not asserted: tests do not pin wall-clock time. CPU time is the steadier number
        // on a shared machine.
        System.out.printf("measured checks, 1080x1920, 3 boxes, one thread: CPU median %d ms (min %d), "
                + "wall median %d ms (min %d, max %d)%n", cpu[runs / 2], cpu[0], wall[runs / 2], wall[0], wall[runs - 1]);
    }
}
