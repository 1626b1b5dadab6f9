package adreview.review;

import adreview.checks.MeasuredChecks;
import adreview.checks.MeasuredReport;
import adreview.review.measured.MeasuredInputs;
import adreview.review.measured.VariantMeasurement;
import adreview.review.prompt.Prompt;
import adreview.review.result.Stage2Result;
import adreview.review.prompt.PromptLibrary;
import adreview.review.result.AnswerFormatException;
import adreview.review.result.Results;
import adreview.review.structured.AnswerShapes;
import adreview.review.structured.CompiledSchema;
import adreview.review.structured.JsonShape;
import adreview.review.structured.ParsedAnswer;
import adreview.review.structured.SchemaConstraint;
import adreview.review.structured.TolerantAnswerParser;
import adreview.store.AdCopy;
import adreview.store.AdCopyResolver;
import adreview.store.AssetLocation;
import adreview.store.AssetUnavailableException;
import adreview.store.Database;
import adreview.store.NewTrace;
import adreview.store.PipelineStep;
import adreview.store.RenderResolver;
import adreview.store.ResolvedRender;
import adreview.store.AssetResolver;
import adreview.store.Trace;
import adreview.store.TraceRepository;
import adreview.store.Variant;
import adreview.store.VariantRepository;
import adreview.store.VariantStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Stage 1 and Stage 2 runs on a variant (SPEC §2–§5) and reviewer re-judges (§4).
 *
 * <p>A pipeline run has two commits. First, in one short transaction that locks the variant row,
 * the precondition is checked and the variant set to {@code <step>/running}: SPEC §2 step 1 makes
 * "running" something the pipeline sees while the model works. Then, after the model, one
 * transaction inserts the trace and sets {@code done} or {@code failed}: the run's results commit
 * together or not at all. A cancelled run (or one whose final transaction fails) puts step, status
 * and {@code updated_at} back exactly as they were, provided nobody else changed the row meanwhile.
 * A re-judge changes no variant state at all: its only write is the trace.
 *
 * <p>With a {@link VariantMeasurement}, each run also measures the variant without the model (Stage 1:
 * the generated image's quality; Stage 2: the render's contrast, call to action and occlusion) before
 * the model runs, outside any transaction, and stores the report under {@code response.measured}, on
 * failed runs too; a Stage 2 answer adds {@code response.disagreements} where the model contradicts
 * the measurement. A measurement that fails is recorded as {@code measured: {"error": ...}} and never
 * fails the run.
 *
 * <p>Every trace's request records what produced it: model folder, precision, device, image mode,
 * prompt and its version, schema version, the image's SHA-256, and for re-judges
 * {@code rejudge=true} with reviewer and reason.
 */
public final class ReviewService {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewService.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MEASURED_JSON = new ObjectMapper();
    public static final String PROVIDER = "llava";

    private final Database database;
    private final VariantRepository variants;
    private final TraceRepository traces;
    private final AdCopyResolver adCopies;
    private final RenderResolver renders;
    private final AssetResolver assets;
    private final PromptLibrary prompts;
    private final ReviewModel model;
    private final VariantMeasurement measurement;
    private final TolerantAnswerParser tolerant = new TolerantAnswerParser();
    private final Map<String, CompiledSchema> schemas = new ConcurrentHashMap<>();

    public ReviewService(Database database, VariantRepository variants, TraceRepository traces, AdCopyResolver adCopies,
                         RenderResolver renders, AssetResolver assets, PromptLibrary prompts, ReviewModel model) {
        this(database, variants, traces, adCopies, renders, assets, prompts, model, null);
    }

    /** @param measurement the measured checks stored with each run; null stores none */
    public ReviewService(Database database, VariantRepository variants, TraceRepository traces, AdCopyResolver adCopies,
                         RenderResolver renders, AssetResolver assets, PromptLibrary prompts, ReviewModel model,
                         VariantMeasurement measurement) {
        this.measurement = measurement;
        this.database = database;
        this.variants = variants;
        this.traces = traces;
        this.adCopies = adCopies;
        this.renders = renders;
        this.assets = assets;
        this.prompts = prompts;
        this.model = model;
    }

    /** What a run resolved before the model: the variant as it was, the inputs, the request so far. */
    private record Prepared(RunRequest request, Variant before, PipelineStep step, String imageUrl,
                            AdCopy adCopy, ResolvedRender render, Prompt prompt, ObjectNode traceRequest) {
    }

    /**
     * Runs one stage on one variant and stores its trace.
     *
     * @throws StageRefusedException when the run may not start; nothing was changed
     * @throws ModelUnavailableException when there is no usable model; nothing was changed
     */
    public RunOutcome run(RunRequest request, RunListener listener, BooleanSupplier cancelled) {
        RunListener l = listener == null ? RunListener.NONE : listener;
        BooleanSupplier c = cancelled == null ? () -> false : cancelled;
        Prepared p = prepare(request);
        String raw = "";
        Measured measured = null;
        try {
            if (measurement != null) {
                l.phase("measuring the image", -1);
                measured = measure(p);
            }
            l.phase("preparing the image", -1);
            Path image = imageFile(p);
            p.traceRequest().put("image_sha256", sha256(image));
            if (c.getAsBoolean()) {
                throw new CancellationException("cancelled before the model started");
            }
            JsonShape shape = shapeFor(p);
            p.traceRequest().put("schema_version", shape.id());
            SchemaConstraint constraint = request.constrained()
                    ? schema(shape).newConstraint(request.maxNewTokens()) : null;
            l.phase("reading the prompt", -1);
            long t0 = System.nanoTime();
            ReviewModel.Generation g;
            try {
                g = model.generate(image, p.prompt().text(), constraint, request.maxNewTokens(), l, c);
            } finally {
                putModelInfo(p.traceRequest());
            }
            long latency = (System.nanoTime() - t0) / 1_000_000;
            raw = g.text();
            p.traceRequest().put("tokens_generated", g.tokens());
            p.traceRequest().put("stop_reason", g.stopReason());
            Object result = parse(p, shape, raw);
            ObjectNode response = Results.toJson(result);
            putMeasured(response, measured, p.step() == PipelineStep.VLM_JUDGE, result);
            Trace trace = finish(p, response, (int) Math.min(Integer.MAX_VALUE, latency), VariantStatus.DONE);
            return new RunOutcome.Done(trace, result, raw, g.tokens(), latency);
        } catch (CancellationException e) {
            restore(p);
            return new RunOutcome.Cancelled("Run cancelled: variant " + p.before().variantId() + " left as it was ("
                    + p.before().currentStep() + "/" + p.before().status() + ")");
        } catch (ReviewModel.ModelException e) {
            return fail(p, e.getMessage(), e.rawText().isEmpty() ? raw : e.rawText(), measured);
        } catch (AssetUnavailableException | IllegalStateException | IllegalArgumentException e) {
            return fail(p, e.getMessage(), raw, measured);
        } catch (RuntimeException e) {
            LOG.warn("stage run on variant {} failed unexpectedly", p.before().variantId(), e);
            return fail(p, "unexpected error: " + e, raw, measured);
        }
    }

    /** The measured checks of a run: the report, or the reason there is none. */
    private record Measured(MeasuredReport report, String error) {
    }

    /**
     * Measures the variant for the stage being run; never throws. Stage 2 measures the render the
     * model judges (a re-judge may name another render than the variant's own).
     */
    private Measured measure(Prepared p) {
        try {
            MeasuredInputs in = measurement.load(p.before().variantId());
            if (p.step() == PipelineStep.VLM_JUDGE && p.imageUrl() != null && !p.imageUrl().equals(in.renderUrl())) {
                in = withRender(in, p.imageUrl());
            }
            return new Measured(measurement.measure(in, null), null);
        } catch (RuntimeException e) {
            LOG.warn("measured checks on variant {} failed", p.before().variantId(), e);
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            return new Measured(null, "measured checks failed: " + reason);
        }
    }

    private MeasuredInputs withRender(MeasuredInputs in, String renderUrl) {
        List<String> problems = new ArrayList<>();
        for (String problem : in.problems()) {
            if (!problem.startsWith("render:") && !problem.startsWith("variant has no render")) {
                problems.add(problem);
            }
        }
        java.awt.image.BufferedImage render = null;
        AssetLocation location = assets.resolve(renderUrl);
        if (location instanceof AssetLocation.LocalFile local && local.exists()) {
            try {
                render = javax.imageio.ImageIO.read(local.path().toFile());
            } catch (IOException | RuntimeException e) {
                problems.add("render: " + local.path() + " could not be decoded (" + e.getMessage() + ")");
            }
            if (render == null && problems.stream().noneMatch(s -> s.startsWith("render:"))) {
                problems.add("render: " + local.path() + " is not an image format the desk can read");
            }
        } else {
            problems.add("render: " + location.problem());
        }
        return new MeasuredInputs(in.variantId(), in.generated(), in.generatedUrl(), render, renderUrl, in.layout(), problems);
    }

    /**
     * {@code measured} (Stage 1: the generated image's quality; Stage 2: the whole report) and, for a
     * Stage 2 answer, {@code disagreements}. The report's JSON is the one {@code check --json} prints.
     */
    private static void putMeasured(ObjectNode response, Measured measured, boolean stage2, Object result) {
        if (measured == null) {
            return;
        }
        if (measured.report() == null) {
            response.putObject("measured").put("error", measured.error());
            return;
        }
        MeasuredReport r = measured.report();
        ObjectNode tree = MEASURED_JSON.valueToTree(r);
        if (!stage2) {
            tree.retain("placement", "quality", "notes", "millis");
        }
        response.set("measured", tree);
        if (result instanceof Stage2Result s2) {
            response.set("disagreements", MEASURED_JSON.valueToTree(
                    MeasuredChecks.disagreements(r, s2.contrastOk(), s2.ctaPresent(), s2.occlusion())));
        }
    }

    private Prepared prepare(RunRequest request) {
        if (request.promptVersion() != null && request.promptText() == null
                && !prompts.versions(request.stage()).contains(request.promptVersion())) {
            throw new StageRefusedException("Unknown prompt version '" + request.promptVersion() + "' for "
                    + (request.stage() == Prompt.Stage.STAGE1 ? "Stage 1" : "Stage 2") + "; known: "
                    + String.join(", ", prompts.versions(request.stage())));
        }
        boolean stage2 = request.stage() == Prompt.Stage.STAGE2;
        PipelineStep step = stage2 ? PipelineStep.VLM_JUDGE : PipelineStep.VLM_ANALYZE;
        return database.inTransaction(conn -> {
            Variant v = (request.rejudge() ? variants.find(conn, request.variantId()) : variants.findForUpdate(conn, request.variantId()))
                    .orElseThrow(() -> new StageRefusedException("Variant " + request.variantId()
                            + " not found in jobs_variants: check the id (`list` shows them)"));
            ObjectNode req = JSON.objectNode();
            AdCopy adCopy = null;
            ResolvedRender render = null;
            String imageUrl;
            Prompt prompt;
            if (stage2) {
                if (!request.rejudge() && !(PipelineStep.OVERLAY.dbValue().equals(v.currentStep())
                        && VariantStatus.DONE.dbValue().equals(v.status()))) {
                    throw new StageRefusedException("Stage 2 refused for variant " + v.variantId() + ": it is at "
                            + v.currentStep() + "/" + v.status() + ", but a pipeline judge needs overlay/done. "
                            + "Use a re-judge to judge it anyway.");
                }
                render = renders.resolve(conn, v.variantId(), request.renderUrl());
                if (request.rejudge() && !render.present()) {
                    throw new StageRefusedException("Variant " + v.variantId() + " has no render to judge "
                            + "(no overlaid image and no overlay layout render URL)");
                }
                imageUrl = render.url();
                req.put("render_asset_url", render.url());
                req.put("overlay_id", render.overlayId() == null ? null : render.overlayId().toString());
                req.put("render_source", render.source().name().toLowerCase(java.util.Locale.ROOT));
                prompt = request.promptText() != null ? prompts.custom(Prompt.Stage.STAGE2, request.promptText(), null)
                        : request.promptVersion() != null ? prompts.stage2(request.promptVersion()) : prompts.stage2();
            } else {
                if (!request.rejudge() && PipelineStep.VLM_ANALYZE.dbValue().equals(v.currentStep())
                        && VariantStatus.RUNNING.dbValue().equals(v.status())) {
                    throw new StageRefusedException("Stage 1 is already running on variant " + v.variantId());
                }
                adCopy = adCopies.resolve(conn, v.jobId(), request.adCopy());
                imageUrl = v.imageUrl();
                req.put("asset_url", v.imageUrl());
                req.put("ad_copy_text", adCopy.text());
                req.put("ad_copy_source", adCopy.source().name().toLowerCase(java.util.Locale.ROOT));
                prompt = request.promptText() != null ? prompts.custom(Prompt.Stage.STAGE1, request.promptText(), adCopy.text())
                        : request.promptVersion() != null ? prompts.stage1(adCopy.text(), request.promptVersion())
                        : prompts.stage1(adCopy.text());
            }
            if (stage2 && !request.rejudge() && VariantStatus.RUNNING.dbValue().equals(v.status())) {
                throw new StageRefusedException("Stage 2 is already running on variant " + v.variantId());
            }
            req.put("prompt", prompt.text());
            req.put("prompt_version", prompt.version());
            req.put("constrained", request.constrained());
            req.put("max_new_tokens", request.maxNewTokens());
            req.put("rejudge", request.rejudge());
            if (request.rejudge()) {
                putIfText(req, "reviewer", request.reviewer());
                putIfText(req, "reason", request.reason());
            }
            // After the refusals (they say more than "no model"), before anything is written.
            model.unavailableReason().ifPresent(reason -> {
                throw new ModelUnavailableException(reason);
            });
            if (!request.rejudge()) {
                variants.updateStepAndStatus(conn, v.variantId(), step, VariantStatus.RUNNING);
            }
            return new Prepared(request, v, step, imageUrl, adCopy, render, prompt, req);
        });
    }

    private Path imageFile(Prepared p) {
        if (p.imageUrl() == null) {
            String what = p.step() == PipelineStep.VLM_JUDGE ? "no render to judge (no overlaid image and no overlay layout render URL)"
                    : "no image (img_asset_id has no image_assets row)";
            throw new IllegalStateException("Variant " + p.before().variantId() + " has " + what);
        }
        return assets.requireFile(p.imageUrl());
    }

    private JsonShape shapeFor(Prepared p) {
        if (p.step() == PipelineStep.VLM_JUDGE) {
            return AnswerShapes.stage2();
        }
        return p.adCopy() != null && p.adCopy().present() ? AnswerShapes.stage1() : AnswerShapes.stage1NoAdCopy();
    }

    /** The compiled schema of a shape over the model's vocabulary; built once, masks cached across runs. */
    public CompiledSchema schema(JsonShape shape) {
        return schemas.computeIfAbsent(shape.id(), id -> new CompiledSchema(shape, model.vocabulary()));
    }

    private Object parse(Prepared p, JsonShape shape, String raw) {
        boolean stage2 = p.step() == PipelineStep.VLM_JUDGE;
        if (p.request().constrained()) {
            return stage2 ? Results.stage2(raw) : Results.stage1(raw, shape.fieldNames().contains("font_recommendation"));
        }
        ParsedAnswer<?> parsed = stage2 ? tolerant.stage2(raw) : tolerant.stage1(raw);
        if (parsed instanceof ParsedAnswer.Failed<?> f) {
            throw new AnswerFormatException(f.error());
        }
        ParsedAnswer.Parsed<?> ok = (ParsedAnswer.Parsed<?>) parsed;
        if (!ok.repairs().isEmpty()) {
            p.traceRequest().set("parse_repairs", JSON.arrayNode().addAll(ok.repairs().stream().map(JSON::textNode).toList()));
        }
        return ok.result();
    }

    private RunOutcome fail(Prepared p, String error, String raw, Measured measured) {
        ObjectNode response = JSON.objectNode();
        response.put("error", error);
        response.put("raw_text", raw == null ? "" : raw);
        putMeasured(response, measured, p.step() == PipelineStep.VLM_JUDGE, null);
        if (!p.traceRequest().has("model")) {
            putModelInfo(p.traceRequest());
        }
        Trace trace = finish(p, response, null, VariantStatus.FAILED);
        LOG.info("stage run on variant {} failed: {}", p.before().variantId(), error);
        return new RunOutcome.Failed(trace, error, raw == null ? "" : raw);
    }

    /** The final transaction: the trace and, for a pipeline run, the new status. */
    private Trace finish(Prepared p, JsonNode response, Integer latencyMs, VariantStatus status) {
        try {
            return database.inTransaction(conn -> {
                Trace t = traces.insert(conn, new NewTrace(p.before().jobId(), p.before().variantId(), PROVIDER,
                        p.step() == PipelineStep.VLM_JUDGE ? "judge" : "analyze", p.traceRequest(), response, latencyMs));
                if (!p.request().rejudge()) {
                    variants.updateStatus(conn, p.before().variantId(), status);
                }
                return t;
            });
        } catch (RuntimeException e) {
            restore(p);
            throw e;
        }
    }

    /** Puts step, status and updated_at back as they were before the run, if the run's "running" is still there. */
    private void restore(Prepared p) {
        if (p.request().rejudge()) {
            return;
        }
        Variant b = p.before();
        try {
            database.runInTransaction(conn -> restore(conn, b, p.step()));
        } catch (RuntimeException e) {
            LOG.warn("could not put variant {} back to {}/{}", b.variantId(), b.currentStep(), b.status(), e);
        }
    }

    private static void restore(Connection conn, Variant b, PipelineStep step) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("UPDATE jobs_variants SET current_step = ?, status = ?, "
                + "updated_at = COALESCE(?, updated_at) WHERE job_variants_id = ? AND current_step = ? AND status = 'running'")) {
            st.setString(1, b.currentStep());
            st.setString(2, b.status());
            st.setTimestamp(3, b.updatedAt() == null ? null : Timestamp.from(b.updatedAt()));
            st.setObject(4, b.variantId());
            st.setString(5, step.dbValue());
            st.executeUpdate();
        }
    }

    private void putModelInfo(ObjectNode req) {
        ReviewModel.ModelInfo info;
        try {
            info = model.info();
        } catch (RuntimeException e) {
            info = new ReviewModel.ModelInfo("unknown", "unknown", "unknown", "unknown");
        }
        ObjectNode m = req.putObject("model");
        m.put("folder", info.folderName());
        m.put("precision", info.precision());
        m.put("device", info.device());
        req.put("image_mode", info.imageMode());
    }

    private static void putIfText(ObjectNode node, String key, String value) {
        if (value != null && !value.isBlank()) {
            node.put(key, value.strip());
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read image " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
