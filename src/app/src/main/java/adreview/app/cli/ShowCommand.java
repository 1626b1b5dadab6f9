package adreview.app.cli;

import adreview.app.DeskContext;
import adreview.app.Main;
import adreview.store.AdCopy;
import adreview.store.AssetLocation;
import adreview.store.Job;
import adreview.store.ResolvedRender;
import adreview.store.StoreException;
import adreview.store.Trace;
import adreview.store.Variant;
import adreview.store.VariantRow;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code show VARIANT}: one variant with its job, resolved ad copy, image and render files, and traces. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one variant: job, resolved ad copy and its source, image and render files, traces.")
public final class ShowCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "VARIANT", description = "jobs_variants.job_variants_id: the whole UUID or its first 8+ characters.")
    String variantArg;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ObjectNode out = CliJson.MAPPER.createObjectNode();
        String text;
        try (DeskContext context = main.openContext()) {
            UUID variantId = context.ids().variant(variantArg);
            Variant variant = context.variants().find(variantId)
                    .orElseThrow(() -> new StoreException("variant " + variantId + " not found in jobs_variants"));
            VariantRow row = context.variants().findRow(variantId).orElseThrow();
            Job job = context.jobs().find(variant.jobId()).orElseThrow(
                    () -> new StoreException("job " + variant.jobId() + " of variant " + variantId + " not found"));
            AdCopy adCopy = context.adCopy().resolve(job.jobId(), null);
            ResolvedRender render = context.renders().resolve(variantId, null);
            AssetLocation image = context.assets().resolve(variant.imageUrl());
            AssetLocation renderFile = render.present() ? context.assets().resolve(render.url()) : null;
            List<Trace> traces = context.traces().history(variantId, job.jobId());

            ObjectNode v = out.putObject("variant");
            v.setAll(CliJson.row(row));
            v.put("img_asset_id", CliJson.text(variant.imgAssetId()));
            v.put("overlaid_img_asset_id", CliJson.text(variant.overlaidImgAssetId()));
            ObjectNode j = out.putObject("job");
            j.put("job_id", job.jobId().toString());
            j.put("tenant_id", job.tenantId());
            j.put("status", job.status());
            j.put("current_step", job.currentStep());
            j.put("created_at", CliJson.text(job.createdAt()));
            j.put("desc_eng", job.descEng());
            j.put("desc_kor", job.descKor());
            ObjectNode copy = out.putObject("ad_copy");
            copy.put("text", adCopy.text());
            copy.put("source", adCopy.source().name());
            out.set("image", variant.imageUrl() == null ? null : CliJson.asset(image));
            ObjectNode r = out.putObject("render");
            r.put("url", render.url());
            r.put("source", render.source().name());
            r.put("overlay_id", CliJson.text(render.overlayId()));
            if (renderFile != null) {
                r.setAll(CliJson.asset(renderFile));
            }
            ArrayNode t = out.putArray("traces");
            traces.forEach(trace -> t.add(CliJson.trace(trace)));
            text = json ? null : text(row, job, adCopy, image, variant, render, renderFile, traces);
        }
        PrintWriter writer = spec.commandLine().getOut();
        writer.println(json ? CliJson.pretty(out) : Terminal.safe(text));
        writer.flush();
        return 0;
    }

    private static String text(VariantRow row, Job job, AdCopy adCopy, AssetLocation image, Variant variant,
                               ResolvedRender render, AssetLocation renderFile, List<Trace> traces) {
        StringBuilder s = new StringBuilder();
        s.append("Variant   ").append(row.variantId()).append('\n');
        s.append("Job       ").append(job.jobId()).append(" (").append(job.tenantId()).append(")\n");
        s.append("Step      ").append(row.currentStep()).append(" / ").append(row.status())
                .append(", updated ").append(CliJson.shortTime(row.updatedAt())).append('\n');
        s.append("Ad copy   ").append(adCopy.present() ? adCopy.text() : "(none)")
                .append("  [").append(adCopy.source().label()).append("]\n");
        s.append("Image     ").append(variant.imageUrl() == null ? "(none)" : describe(image)).append('\n');
        s.append("Render    ").append(render.present() ? describe(renderFile) + "  [" + render.source().label() + "]"
                : "(none)").append('\n');
        s.append("Stage 1   ").append(row.stage1Score() == null ? "-"
                : String.format(Locale.ROOT, "relevance %.2f, valid %s", row.stage1Score(), row.stage1Valid()))
                .append('\n');
        s.append("Stage 2   ").append(row.stage2Verdict() == null ? "-" : row.stage2Verdict()).append('\n');
        s.append("Traces    ").append(traces.size()).append('\n');
        for (Trace trace : traces) {
            s.append("  ").append(CliJson.shortTime(trace.createdAt())).append("  ")
                    .append(String.format("%-8s", trace.operationType()))
                    .append(String.format("%7s", trace.latencyMs() == null ? "-" : trace.latencyMs() + " ms"))
                    .append("  ").append(trace.failed() ? "error" : "ok")
                    .append(trace.variantId() == null ? "  (job-level)" : "").append('\n');
        }
        return s.toString().stripTrailing();
    }

    private static String describe(AssetLocation location) {
        if (location instanceof AssetLocation.LocalFile local) {
            return local.path() + (local.exists() ? "" : "  (MISSING)");
        }
        return location.problem();
    }
}
