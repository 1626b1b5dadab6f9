package adreview.review;

import adreview.checks.MeasuredChecks;
import adreview.checks.MeasuredReport;
import adreview.review.measured.MeasuredInputs;
import adreview.review.measured.VariantMeasurement;
import adreview.review.prompt.Prompt;
import adreview.review.result.Stage2Result;
import adreview.review.result.StageResult;
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
import adreview.store.ClaimOutcome;
import adreview.store.Database;
import adreview.store.NewTrace;
import adreview.store.PipelineStep;
import adreview.store.RenderResolver;
import adreview.store.ResolvedRender;
import adreview.store.AssetResolver;
import adreview.store.RunClaims;
import adreview.store.Trace;
import adreview.store.TraceRepository;
import adreview.store.Variant;
import adreview.store.VariantRepository;
import adreview.store.VariantStatus;
import adreview.store.WriteGaveUpException;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Stage 1 and Stage 2 runs on a variant (SPEC §2–§5) and reviewer re-judges (§4).
 *
 * <p>A pipeline run:
 * <ol>
 *   <li>Prepares without any lock: reads the variant and refuses a state the stage may not start from
 *       ({@link RunEligibility}), resolves ad copy or render, checks that the image file is there and
 *       hashes it, and makes the model ready (loading it the first time). A problem here is this
 *       machine's or the variant's state, never the run's: {@link StageRefusedException}, nothing written.</li>
 *   <li>Claims in one short transaction: locks the variant row ({@code SELECT … FOR UPDATE}), checks the
 *       eligibility again and that the state is still as read, sets {@code <step>/running} and inserts
 *       the run's claim ({@link RunClaims}); both commit together. No file is read while the row is locked.</li>
 *   <li>Runs the model (the claim's heartbeat goes on meanwhile). Whatever the engine throws, an
 *       {@code OutOfMemoryError} or a native error included, ends the run as failed.</li>
 *   <li>Ends in one guarded transaction ({@link RunClaims#end}): the trace, {@code done} or {@code failed}
 *       only where the variant still has the step and {@code running} status this run set and the claim
 *       is still this run's, the claim closed. Otherwise the trace is stored marked superseded
 *       ({@link RunOutcome.Superseded}) and the variant is left alone. A database outage here is retried
 *       for up to 30 s ({@link ResultNotStoredException} after that).</li>
 * </ol>
 * A run cancelled with {@link Cancellation.Effect#RESTORE} (Esc) puts step, status and {@code updated_at}
 * back as they were; with {@link Cancellation.Effect#FAIL} (Ctrl-C, SIGTERM, the window closed) it is
 * recorded as failed. Either way its trace keeps the answer written so far ({@code raw_text}). A re-judge
 * changes no variant state at all and claims nothing: its only write is the trace.
 *
 * <p>With a {@link VariantMeasurement}, each run also measures the variant without the model (Stage 1:
 * the generated image's quality; Stage 2: the render's contrast, call to action and occlusion) before
 * the model runs, outside any transaction, and stores the report under {@code response.measured}, on
 * failed runs too; a Stage 2 answer adds {@code response.disagreements} where the model contradicts
 * the measurement. A measurement that fails is recorded as {@code measured: {"error": ...}} and never
 * fails the run.
 *
 * <p>Every trace's request records what produced it: the backend ({@code local} or a server's), model folder,
 * precision and device (a server: its model id and host, the token counts and timings it reported), image mode,
 * prompt and its version, schema version, the image's SHA-256, the run's claim id ({@code run_id}) for
 * pipeline runs, and for re-judges {@code rejudge=true} with reviewer and reason.
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
    private final RunClaims claims;
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
        this(database, variants, traces, adCopies, renders, assets, prompts, model, measurement, new RunClaims(database));
    }

    /** @param claims the run claims of this process's open database (the desk's context owns one) */
    public ReviewService(Database database, VariantRepository variants, TraceRepository traces, AdCopyResolver adCopies,
                         RenderResolver renders, AssetResolver assets, PromptLibrary prompts, ReviewModel model,
                         VariantMeasurement measurement, RunClaims claims) {
        this.measurement = measurement;
        this.database = database;
        this.variants = variants;
        this.traces = traces;
        this.adCopies = adCopies;
        this.renders = renders;
        this.assets = assets;
        this.prompts = prompts;
        this.model = model;
        this.claims = Objects.requireNonNull(claims, "claims");
    }

    /** What a run resolved before its claim: the variant as read, the inputs, the request so far. */
    private record Prepared(RunRequest request, Variant before, RunEligibility stage, String imageUrl, Path image,
                            AdCopy adCopy, ResolvedRender render, Prompt prompt, ObjectNode traceRequest) {

        PipelineStep step() {
            return stage.runStep();
        }

        String what() {
            return "Stage " + stage.number() + (request.rejudge() ? " re-judge" : "") + " of variant " + before.variantId();
        }
    }

    /** A run between its claim and its end; for a re-judge {@code runId} is null and there is no claim. */
    private static final class ActiveRun {
        final UUID runId;
        final UUID traceId = UUID.randomUUID();
        /** The variant as locked by the claim: what a restore puts back. */
        final Variant locked;
        /** The request as of the claim, for an end written from another thread ({@link #abandon}). */
        final ObjectNode requestAtStart;
        final AtomicBoolean ending = new AtomicBoolean();
        final CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();
        volatile String partial = "";

        ActiveRun(UUID runId, Variant locked, ObjectNode requestAtStart) {
            this.runId = runId;
            this.locked = locked;
            this.requestAtStart = requestAtStart;
        }
    }

    /** How the model part of a run ended, before it is written. */
    private sealed interface Ending {
    }

    private record Succeeded(StageResult result, ObjectNode response, String raw, int tokens, long latencyMs) implements Ending {
    }

    private record Broke(String error, String raw, Measured measured) implements Ending {
    }

    private record Stopped(Cancellation.Effect effect, String reason, String raw, Measured measured) implements Ending {
    }

    /**
     * Runs one stage on one variant and stores its trace; {@code cancelled} is the reviewer's Esc (the
     * variant is put back as it was). A {@link Cancellation} passed here keeps its own effect.
     *
     * @throws StageRefusedException when the run may not start; nothing was changed
     * @throws ResultNotStoredException when the database stayed unreachable for the final write
     */
    public RunOutcome run(RunRequest request, RunListener listener, BooleanSupplier cancelled) {
        Cancellation c = cancelled instanceof Cancellation given ? given
                : Cancellation.restoring(cancelled == null ? () -> false : cancelled);
        return run(request, listener, c);
    }

    /**
     * As {@link #run(RunRequest, RunListener, BooleanSupplier)} with an explicit cancellation.
     *
     * @throws StageRefusedException when the run may not start; nothing was changed
     * @throws ResultNotStoredException when the database stayed unreachable for the final write
     */
    public RunOutcome run(RunRequest request, RunListener listener, Cancellation cancellationOrNull) {
        RunListener l = listener == null ? RunListener.NONE : listener;
        Cancellation cancellation = cancellationOrNull == null ? Cancellation.manual() : cancellationOrNull;
        Prepared p = prepare(request, l);
        if (cancellation.getAsBoolean()) {
            return new RunOutcome.Cancelled("Run cancelled before it started: variant " + p.before().variantId()
                    + " left as it was (" + p.before().currentStep() + "/" + p.before().status() + ")");
        }
        ActiveRun run = request.rejudge() ? new ActiveRun(null, p.before(), p.traceRequest().deepCopy()) : claim(p);
        try {
            cancellation.onAbandon(() -> abandon(p, run, cancellation));
            Ending ending = execute(p, run, new Tracking(l, run, claims), cancellation);
            return end(p, run, ending);
        } finally {
            cancellation.onAbandon(null);
            if (run.runId != null) {
                claims.release(run.runId);
            }
        }
    }

    /** Tracks the answer as it is written: for a failed or cancelled run's trace and the claim's heartbeat. */
    private record Tracking(RunListener delegate, ActiveRun run, RunClaims claims) implements RunListener {
        @Override
        public void phase(RunPhase phase, double fraction, String detail) {
            delegate.phase(phase, fraction, detail);
        }

        @Override
        public void token(int n, int max, String textSoFar) {
            run.partial = textSoFar == null ? "" : textSoFar;
            if (run.runId != null) {
                claims.partialText(run.runId, run.partial);
            }
            delegate.token(n, max, textSoFar);
        }
    }

    /** The model part of a run; never throws (every Throwable becomes a failure). */
    private Ending execute(Prepared p, ActiveRun run, RunListener l, Cancellation cancellation) {
        Measured measured = null;
        String raw = "";
        try {
            if (measurement != null) {
                l.phase(RunPhase.MEASURING, -1, null);
                measured = measure(p);
            }
            if (cancellation.getAsBoolean()) {
                throw new CancellationException("cancelled before the model started");
            }
            JsonShape shape = shapeFor(p);
            p.traceRequest().put("schema_version", shape.id());
            l.phase(RunPhase.READING_PROMPT, -1, null);
            long t0 = System.nanoTime();
            ReviewModel.Generation g;
            try {
                g = generate(p, shape, l, cancellation);
            } finally {
                putModelInfo(p.traceRequest());
            }
            long latency = (System.nanoTime() - t0) / 1_000_000;
            raw = g.text();
            p.traceRequest().put("tokens_generated", g.tokens());
            p.traceRequest().put("stop_reason", g.stopReason());
            if (g.server() != null) {
                p.traceRequest().set("server", g.server());
            }
            StageResult result = parse(p, shape, raw);
            ObjectNode response = Results.toJson(result);
            putMeasured(response, measured, p.step() == PipelineStep.VLM_JUDGE, result);
            return new Succeeded(result, response, raw, g.tokens(), latency);
        } catch (CancellationException e) {
            Cancellation.Effect effect = cancellation.effect() == null ? Cancellation.Effect.RESTORE : cancellation.effect();
            String reason = cancellation.reason() == null ? e.getMessage() : cancellation.reason();
            return new Stopped(effect, reason, run.partial, measured);
        } catch (ReviewModel.ModelException e) {
            return new Broke(e.getMessage(), e.rawText().isEmpty() ? orPartial(raw, run) : e.rawText(), measured);
        } catch (IllegalStateException | IllegalArgumentException e) { // AnswerFormatException among them
            return new Broke(e.getMessage(), orPartial(raw, run), measured);
        } catch (Throwable e) {
            // OutOfMemoryError, StackOverflowError, an engine's native error: the run fails, the desk goes on.
            LOG.error("stage run on variant {} failed unexpectedly", p.before().variantId(), e);
            return new Broke("unexpected error: " + e, orPartial(raw, run), measured);
        }
    }

    /**
     * The model call: a local decoder gets the shape compiled into a token constraint over its vocabulary; a
     * server backend gets the shape itself, to send as the request's JSON schema (one definition for both).
     */
    private ReviewModel.Generation generate(Prepared p, JsonShape shape, RunListener l, Cancellation cancellation) {
        int max = p.request().maxNewTokens();
        if (model instanceof ServerReviewModel server) {
            return server.generate(p.image(), p.prompt().text(), p.request().constrained() ? shape : null, max, l,
                    cancellation);
        }
        SchemaConstraint constraint = p.request().constrained() ? schema(shape).newConstraint(max) : null;
        return model.generate(p.image(), p.prompt().text(), constraint, max, l, cancellation);
    }

    private static String orPartial(String raw, ActiveRun run) {
        return raw == null || raw.isEmpty() ? run.partial : raw;
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
                render = adreview.llava.image.ImageFiles.read(local.path(), measurement.imageLimits());
            } catch (RuntimeException e) {
                problems.add("render: " + e.getMessage());
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
    private static void putMeasured(ObjectNode response, Measured measured, boolean stage2, StageResult result) {
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

    private Prepared prepare(RunRequest request, RunListener l) {
        if (request.promptVersion() != null && request.promptText() == null
                && !prompts.versions(request.stage()).contains(request.promptVersion())) {
            throw new StageRefusedException("Unknown prompt version '" + request.promptVersion() + "' for "
                    + (request.stage() == Prompt.Stage.STAGE1 ? "Stage 1" : "Stage 2") + "; known: "
                    + String.join(", ", prompts.versions(request.stage())));
        }
        RunEligibility stage = RunEligibility.of(request.stage());
        boolean stage2 = stage == RunEligibility.STAGE2;
        Prepared p = database.withConnection(conn -> {
            Variant v = variants.find(conn, request.variantId())
                    .orElseThrow(() -> new StageRefusedException("Variant " + request.variantId()
                            + " not found in jobs_variants: check the id (`list` shows them)"));
            if (!request.rejudge() && !stage.allows(v.currentStep(), v.status())) {
                throw new NotEligibleException(stage, v.variantId(), v.currentStep(), v.status());
            }
            ObjectNode req = JSON.objectNode();
            AdCopy adCopy = null;
            ResolvedRender render = null;
            String imageUrl;
            Prompt prompt;
            if (stage2) {
                render = renders.resolve(conn, v.variantId(), request.renderUrl());
                if (!render.present()) {
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
                if (v.imageUrl() == null) {
                    throw new StageRefusedException("Variant " + v.variantId()
                            + " has no image (img_asset_id has no image_assets row)");
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
            req.put("prompt", prompt.text());
            req.put("prompt_version", prompt.version());
            req.put("constrained", request.constrained());
            req.put("max_new_tokens", request.maxNewTokens());
            req.put("rejudge", request.rejudge());
            if (request.rejudge()) {
                putIfText(req, "reviewer", request.reviewer());
                putIfText(req, "reason", request.reason());
            }
            return new Prepared(request, v, stage, imageUrl, null, adCopy, render, prompt, req);
        });
        // Files and the model: after the refusals above (they say more), before anything is written,
        // and with no transaction open.
        l.phase(RunPhase.PREPARING_IMAGE, -1, null);
        Path image = inputFile(p);
        try {
            p.traceRequest().put("image_sha256", sha256(image));
        } catch (IllegalStateException e) {
            throw new StageRefusedException(e.getMessage() + "; the variant was not changed");
        }
        model.unavailableReason().ifPresent(reason -> {
            throw new ModelUnavailableException(reason);
        });
        model.prepare(l);
        return new Prepared(p.request(), p.before(), p.stage(), p.imageUrl(), image, p.adCopy(), p.render(), p.prompt(),
                p.traceRequest());
    }

    /**
     * The local file to judge. A missing file (an asset root not mounted), a remote URL or an unusable one
     * is this machine's problem, not the variant's: the run is refused.
     */
    private Path inputFile(Prepared p) {
        AssetLocation location = assets.resolve(p.imageUrl());
        if (location instanceof AssetLocation.LocalFile local && local.exists()) {
            return local.path();
        }
        String what = p.step() == PipelineStep.VLM_JUDGE ? "render" : "image";
        throw new StageRefusedException("Cannot run " + p.what() + ": its " + what + " is not readable here: "
                + location.problem() + ". Check --asset-root / ADREVIEW_ASSET_ROOT; the variant was not changed.");
    }

    /**
     * The claim: locks the variant, re-checks it, sets it running and inserts the claim, in one transaction;
     * then starts the claim's heartbeat.
     */
    private ActiveRun claim(Prepared p) {
        UUID runId = UUID.randomUUID();
        p.traceRequest().put("run_id", runId.toString());
        ObjectNode atStart = p.traceRequest().deepCopy();
        Variant locked = database.inTransaction(conn -> {
            Variant v = variants.findForUpdate(conn, p.before().variantId())
                    .orElseThrow(() -> new StageRefusedException("Variant " + p.before().variantId()
                            + " was deleted while the run was being prepared"));
            if (!p.stage().allows(v.currentStep(), v.status())) {
                throw new NotEligibleException(p.stage(), v.variantId(), v.currentStep(), v.status());
            }
            Variant b = p.before();
            if (!Objects.equals(b.currentStep(), v.currentStep()) || !Objects.equals(b.status(), v.status())
                    || !Objects.equals(b.imgAssetId(), v.imgAssetId())
                    || !Objects.equals(b.overlaidImgAssetId(), v.overlaidImgAssetId())) {
                throw new StageRefusedException("Variant " + v.variantId() + " changed while the run was being prepared"
                        + " (it was " + b.currentStep() + "/" + b.status() + ", now " + v.currentStep() + "/"
                        + v.status() + "): run it again");
            }
            variants.updateStepAndStatus(conn, v.variantId(), p.step(), VariantStatus.RUNNING);
            claims.insert(conn, runId, v, p.stage().number(), p.step(), atStart);
            return v;
        });
        claims.beat(runId);
        return new ActiveRun(runId, locked, atStart);
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

    private StageResult parse(Prepared p, JsonShape shape, String raw) {
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
        return (StageResult) ok.result();
    }

    /**
     * Records a cancelled run from another thread, now (see {@link Cancellation#abandon}); does nothing when
     * the run is a re-judge or already ending by itself.
     */
    private void abandon(Prepared p, ActiveRun run, Cancellation cancellation) {
        if (run.runId == null || !run.ending.compareAndSet(false, true)) {
            return;
        }
        Cancellation.Effect effect = cancellation.effect() == null ? Cancellation.Effect.FAIL : cancellation.effect();
        String reason = cancellation.reason() == null ? "cancelled" : cancellation.reason();
        try {
            run.outcome.complete(write(p, run, new Stopped(effect, reason, run.partial, null), run.requestAtStart.deepCopy()));
        } catch (RuntimeException e) {
            run.outcome.completeExceptionally(e);
            LOG.error("could not record the abandoned run {} on variant {}", run.runId, p.before().variantId(), e);
        }
    }

    /** Writes the run's end, unless another thread ({@link #abandon}) already did; then returns what that wrote. */
    private RunOutcome end(Prepared p, ActiveRun run, Ending ending) {
        if (!run.ending.compareAndSet(false, true)) {
            try {
                return run.outcome.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            RunOutcome o = write(p, run, ending, p.traceRequest());
            run.outcome.complete(o);
            return o;
        } catch (RuntimeException e) {
            run.outcome.completeExceptionally(e);
            throw e;
        }
    }

    /** The trace of the run's end and, for a pipeline run, the guarded change of its variant. */
    private RunOutcome write(Prepared p, ActiveRun run, Ending ending, ObjectNode request) {
        if (!request.has("model")) {
            putModelInfo(request);
        }
        ObjectNode response;
        RunClaims.Change change;
        ClaimOutcome outcome;
        String detail;
        Integer latency = null;
        String raw;
        if (ending instanceof Succeeded s) {
            response = s.response();
            change = new RunClaims.Change.SetStatus(VariantStatus.DONE);
            outcome = ClaimOutcome.DONE;
            detail = null;
            latency = (int) Math.min(Integer.MAX_VALUE, s.latencyMs());
            raw = s.raw();
        } else if (ending instanceof Broke b) {
            raw = b.raw() == null ? "" : b.raw();
            response = JSON.objectNode();
            response.put("error", b.error());
            response.put("raw_text", raw);
            putMeasured(response, b.measured(), p.step() == PipelineStep.VLM_JUDGE, null);
            change = new RunClaims.Change.SetStatus(VariantStatus.FAILED);
            outcome = ClaimOutcome.FAILED;
            detail = b.error();
        } else {
            Stopped st = (Stopped) ending;
            raw = st.raw() == null ? "" : st.raw();
            response = JSON.objectNode();
            response.put("error", "cancelled: " + st.reason());
            response.put("cancelled", true);
            response.put("raw_text", raw);
            putMeasured(response, st.measured(), p.step() == PipelineStep.VLM_JUDGE, null);
            if (st.effect() == Cancellation.Effect.RESTORE) {
                Variant b = run.locked;
                ObjectNode restored = response.putObject("restored");
                restored.put("step", b.currentStep());
                restored.put("status", b.status());
                change = new RunClaims.Change.Restore(b.currentStep(), b.status(), b.updatedAt());
                outcome = ClaimOutcome.RESTORED;
            } else {
                change = new RunClaims.Change.SetStatus(VariantStatus.FAILED);
                outcome = ClaimOutcome.CANCELLED;
            }
            detail = "cancelled: " + st.reason();
        }
        NewTrace trace = new NewTrace(p.before().jobId(), p.before().variantId(), PROVIDER,
                p.step() == PipelineStep.VLM_JUDGE ? "judge" : "analyze", request, response, latency);
        try {
            if (run.runId == null) {
                Trace t = claims.retry().inTransaction(p.what(),
                        c -> traces.find(c, run.traceId).isPresent() ? traces.find(c, run.traceId).get()
                                : traces.insert(c, trace, run.traceId));
                return outcome(p, ending, t, raw);
            }
            RunClaims.Ended e = claims.end(new RunClaims.Ending(run.runId, run.traceId, trace, change, outcome, detail),
                    p.what());
            if (!e.applied()) {
                String found = e.foundStep() == null ? "deleted" : e.foundStep() + "/" + e.foundStatus();
                String message = p.what() + " ended, but the variant was " + (e.foundStep() == null ? "deleted"
                        : "at " + found + " by then") + " (not the " + p.step() + "/running this run set, or its claim"
                        + " was recovered): the trace is stored, marked superseded, and the variant was left alone";
                LOG.warn(message);
                return new RunOutcome.Superseded(e.trace(), e.foundStep(), e.foundStatus(), message);
            }
            return outcome(p, ending, e.trace(), raw);
        } catch (WriteGaveUpException e) {
            LOG.error("unsaved trace of {} (run {}): request {} response {}", p.what(), run.runId, request, response);
            throw new ResultNotStoredException(e.getMessage() + (run.runId == null ? "; nothing was stored"
                    : "; the variant stays " + p.step() + "/running until its claim expires ("
                    + RunClaims.EXPIRY.toMinutes() + " min), then the next desk process marks it failed"), e);
        }
    }

    private RunOutcome outcome(Prepared p, Ending ending, Trace trace, String raw) {
        if (ending instanceof Succeeded s) {
            return new RunOutcome.Done(trace, s.result(), s.raw(), s.tokens(), s.latencyMs());
        }
        if (ending instanceof Broke b) {
            LOG.info("stage run on variant {} failed: {}", p.before().variantId(), b.error());
            return new RunOutcome.Failed(trace, b.error(), raw);
        }
        Stopped st = (Stopped) ending;
        if (st.effect() == Cancellation.Effect.FAIL && !p.request().rejudge()) {
            return new RunOutcome.Failed(trace, "cancelled: " + st.reason(), raw);
        }
        Variant b = p.before();
        return new RunOutcome.Cancelled("Run cancelled: " + (p.request().rejudge() ? "nothing changed on variant "
                + b.variantId() : "variant " + b.variantId() + " left as it was (" + b.currentStep() + "/" + b.status() + ")")
                + "; the trace keeps the answer so far", trace);
    }

    private void putModelInfo(ObjectNode req) {
        ReviewModel.ModelInfo info;
        try {
            info = model.info();
        } catch (RuntimeException e) {
            info = new ReviewModel.ModelInfo("unknown", "unknown", "unknown", "unknown");
        }
        req.put("backend", model.backend());
        ObjectNode m = req.putObject("model");
        if (model instanceof ServerReviewModel server) {
            // The server's model id and the endpoint's host: never its path's secrets or the API key.
            ServerReviewModel.Server s;
            try {
                s = server.server();
            } catch (RuntimeException e) {
                s = new ServerReviewModel.Server("unknown", "unknown");
            }
            m.put("id", s.modelId());
            m.put("host", s.host());
        } else {
            m.put("folder", info.folderName());
            m.put("precision", info.precision());
            m.put("device", info.device());
        }
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
