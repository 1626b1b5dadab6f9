package adreview.app.cli;

import adreview.llava.bench.Bandwidth;
import adreview.llava.bench.BandwidthProbe;
import adreview.llava.bench.BenchResult;
import adreview.llava.bench.BenchShape;
import adreview.llava.bench.Benchmark;
import adreview.llava.bench.RandomCheckpoint;
import adreview.llava.config.LlavaConfig;
import adreview.llava.jni.NativeCalls;
import adreview.llava.net.DecodeKernel;
import adreview.llava.net.WeightPlan;
import adreview.llava.net.WeightPrecision;
import ai.djl.Device;
import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code bench}: builds (or takes) a random-weight checkpoint of a given shape and measures, per precision, load,
 * resident weights, vision + prefill of a Stage-1-sized prompt, decode ms/token, the machine's read bandwidth and the
 * floor it sets (bytes a token reads / bandwidth), libtorch calls per token and the matrix-vector floor.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark the engine on a random-weight checkpoint (or --model) per precision.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--shape", defaultValue = "small", description = "tiny, small, medium, 7b (default ${DEFAULT-VALUE})")
    String shape;

    @Option(names = "--model", description = "benchmark this model folder instead of a random checkpoint")
    Path model;

    @Option(names = "--dir", description = "where to write the random checkpoint (default: temp dir)")
    Path dir;

    @Option(names = "--precisions", split = ",", description = "precisions to measure (default: fp32,int8 on CPU; fp16,int8 on GPU)")
    List<String> precisions;

    /** The desk's global options: {@code --device} is inherited from there. */
    @picocli.CommandLine.ParentCommand
    adreview.app.Main main;

    @Option(names = "--prompt-tokens", defaultValue = "863", description = "prompt length incl. 576 image tokens")
    int promptTokens;

    @Option(names = "--decode-tokens", defaultValue = "128", description = "tokens to decode")
    int decodeTokens;

    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;

    @Option(names = "--json-file", description = "also write the results as JSON to this file (with the table printed)")
    Path jsonFile;

    @Option(names = "--kernels", split = ",", description = "decode steps to run side by side, token for token in"
            + " turn: torch (libtorch op by op), script (one TorchScript call), vector (Java Vector API, CPU) (default:"
            + " the engine's own choice)")
    List<String> kernels;

    @Option(names = "--layers", description = "decoder layers of the random checkpoint instead of the shape's own"
            + " (all widths kept): e.g. calls per token of the 7B's widths on a machine without room for it")
    Integer layers;

    @Option(names = "--bandwidth-mib", description = "MiB the read-bandwidth probe reads per pass (default: 1024 on a"
            + " CPU, 4096 on a GPU; smaller ones fit in caches and flatter the machine)")
    Long bandwidthMib;

    @Option(names = "--load-only", description = "only load each precision twice (cold, then from the page cache) and"
            + " report load times, resident weights and peak memory; for shapes too large to run on this machine")
    boolean loadOnly;

    @Override
    public Integer call() {
        try {
            Device dev = resolveDevice(adreview.llava.Device.parse(main.config().device()));
            Path folder;
            String shapeLabel;
            if (model != null) {
                folder = model;
                shapeLabel = model.getFileName().toString();
            } else {
                BenchShape s = BenchShape.parse(shape);
                shapeLabel = s.label() + (layers == null ? "" : "-L" + layers);
                Path target = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"), "adreview-bench-" + shapeLabel);
                System.err.println("writing random " + shapeLabel + " checkpoint to " + target + " ...");
                folder = RandomCheckpoint.write(layers == null ? s.config() : s.config(layers), target);
            }
            LlavaConfig config = LlavaConfig.load(folder.resolve("config.json"));
            List<String> wanted = precisions != null ? precisions
                    : dev.isGpu() ? List.of("fp16", "int8") : List.of("fp32", "int8");
            if (loadOnly) {
                List<Benchmark.LoadResult> loads = new ArrayList<>();
                for (String p : wanted) {
                    WeightPrecision wp = WeightPrecision.valueOf(p.trim().toUpperCase(Locale.ROOT));
                    System.err.println("loading " + wp.label() + " on " + dev + " twice ...");
                    loads.add(new Benchmark(folder, config, dev).measureLoad(shapeLabel, wp));
                }
                if (jsonFile != null) {
                    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(jsonFile.toFile(), loads);
                }
                if (json) {
                    System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(loads));
                } else {
                    printLoads(loads);
                    System.out.printf(Locale.ROOT, "storage plan of this shape on a GPU: fp16 %.2f GB, int8 %.2f GB"
                                    + " of weights%n",
                            WeightPlan.residentBytes(config, WeightPrecision.FP16, Device.gpu(0)) / 1e9,
                            WeightPlan.residentBytes(config, WeightPrecision.INT8, Device.gpu(0)) / 1e9);
                }
                return 0;
            }
            List<DecodeKernel> kernelList = new ArrayList<>();
            if (kernels != null) {
                for (String k : kernels) {
                    DecodeKernel parsed = DecodeKernel.parse(k);
                    if (parsed != null) {
                        kernelList.add(parsed);
                    }
                }
            }
            // the machine's read bandwidth: passes before, between decode tokens (CPU) and after the precisions; the
            // best pass of all is the floor's
            System.err.println("measuring read bandwidth on " + dev + " ...");
            List<BenchResult> results = new ArrayList<>();
            try (BandwidthProbe bandwidth = bandwidthMib == null ? BandwidthProbe.open(dev)
                    : BandwidthProbe.open(dev, bandwidthMib << 20)) {
                System.err.printf(Locale.ROOT, "read bandwidth %.1f GB/s%n", bandwidth.best().gbs());
                for (String p : wanted) {
                    WeightPrecision wp = WeightPrecision.valueOf(p.trim().toUpperCase(Locale.ROOT));
                    System.err.println("measuring " + wp.label() + " on " + dev + " ...");
                    results.addAll(new Benchmark(folder, config, dev).run(shapeLabel, wp, promptTokens, decodeTokens,
                            kernelList, bandwidth));
                }
                bandwidth.batch();
                Bandwidth best = bandwidth.best();
                System.err.printf(Locale.ROOT, "read bandwidth %.1f GB/s (best of %d passes; median %.1f GB/s)%n",
                        best.gbs(), best.passes(), best.medianGbs());
                results.replaceAll(r -> r.withBandwidth(best));
            }
            if (jsonFile != null) {
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(jsonFile.toFile(), results);
            }
            if (json) {
                System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
            } else {
                printTable(results);
            }
            return 0;
        } catch (Exception e) {
            System.err.println("bench: " + CliErrors.oneLine(e));
            return 1;
        }
    }

    static Device resolveDevice(adreview.llava.Device d) {
        int gpus = Engine.getEngine("PyTorch").getGpuCount();
        return switch (d) {
            case CPU -> Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new IllegalStateException("device gpu was requested but DJL sees no CUDA GPU");
                }
                yield Device.gpu(0);
            }
            case AUTO -> gpus > 0 ? Device.gpu(0) : Device.cpu();
        };
    }

    static void printLoads(List<Benchmark.LoadResult> loads) {
        System.out.printf(Locale.ROOT, "%-6s %-5s %-6s %13s %14s %10s %9s%n", "shape", "prec", "device",
                "first load ms", "cached load ms", "weights GB", "peak GB");
        for (Benchmark.LoadResult r : loads) {
            System.out.printf(Locale.ROOT, "%-6s %-5s %-6s %13.0f %14.0f %10.2f %9.2f%n", r.shape(), r.precision(),
                    r.device(), r.firstLoadMs(), r.cachedLoadMs(), r.residentWeightBytes() / 1e9,
                    r.memoryPeakBytes() / 1e9);
        }
        System.out.println("cached load = the second load, with the checkpoint in the page cache; peak = "
                + (loads.isEmpty() || !loads.get(0).device().startsWith("gpu") ? "process resident set (VmHWM),"
                + " mapped checkpoint pages included" : "GPU memory in use (highest sample)"));
    }

    static void printTable(List<BenchResult> results) {
        System.out.printf(Locale.ROOT, "%-6s %-5s %-6s %-6s %8s %10s %7s %9s %6s %14s %13s %8s %9s %8s %8s %9s %9s"
                        + " | %9s %7s %9s%n",
                "shape", "prec", "kernel", "device", "load ms", "weights MB", "KV MB", "peak MB", "prompt",
                "vis+prefill ms", "decode ms/tok", "median", "bytes MB", "GB/s", "bw floor", "x bw floor",
                "calls/tok", "floor med", "x floor", "mean/best");
        for (BenchResult r : results) {
            System.out.printf(Locale.ROOT,
                    "%-6s %-5s %-6s %-6s %8.0f %10.1f %7.1f %9.0f %6d %14.0f %13.2f %8.2f %9.1f %8.1f %8.2f %9.2f %9s"
                            + " | %9.2f %7.2f %9.2f%n",
                    r.shape(), r.precision(), r.kernel(), r.device(), r.loadMs(), r.residentWeightBytes() / 1e6,
                    r.kvCacheBytes() / 1e6, r.memoryPeakBytes() / 1e6, r.promptTokens(), r.visionPrefillMs(),
                    r.decodeMsPerToken(), r.decodeMedianMs(), r.bytesPerToken() / 1e6, r.bandwidthGBs(),
                    r.bandwidthFloorMs(), r.xBandwidthFloor(),
                    r.callsPerToken() < 0 ? "-" : String.format(Locale.ROOT, "%.0f", r.callsPerToken()),
                    r.floorMedianMs(), r.decodeOverFloor(), r.decodeMeanOverBestFloor());
        }
        if (!results.isEmpty()) {
            BenchResult first = results.get(0);
            System.out.println("engine: " + results.stream().map(r -> r.precision() + "/" + r.kernel() + ": "
                    + r.engine()).distinct().toList());
            System.out.println("vision+prefill split: " + results.stream().map(r -> String.format(Locale.ROOT,
                    "%s/%s %.0f+%.0f ms", r.precision(), r.kernel(), r.visionMs(), r.prefillMs())).toList());
            System.out.println("bandwidth: " + first.bandwidthMethod() + String.format(Locale.ROOT,
                    ": %.1f GB/s (median pass %.1f GB/s)", first.bandwidthGBs(), first.bandwidthMedianGBs()));
            System.out.println("bytes = weights a token must read as stored (int8 as int8) + KV cache at the median"
                    + " decode position; bw floor = bytes / bandwidth; x bw floor = median decode token / bw floor");
            System.out.println("calls/tok = calls into libtorch's JNI per decode token"
                    + (first.callsPerToken() < 0 ? " (not counted: " + NativeCalls.howToCount() + ")" : ""));
            System.out.println("floor med = median of " + first.floorPasses() + " matrix-vector passes through the same"
                    + " kernel, one every " + Benchmark.FLOOR_EVERY + " tokens; x floor = median decode / floor med;"
                    + " mean/best = mean token / fastest pass; peak = " + (first.memoryScope().equals("gpu_device")
                    ? "GPU memory in use (highest sample)" : "process resident set (VmHWM)")
                    + String.format(Locale.ROOT, " of %.1f GB", first.memoryTotalBytes() / 1e9));
        }
    }
}
