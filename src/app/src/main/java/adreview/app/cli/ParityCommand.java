package adreview.app.cli;

import adreview.llava.bench.FixtureParity;
import adreview.llava.net.DecodeKernel;
import adreview.llava.net.WeightPrecision;
import ai.djl.Device;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code parity}: the engine against the fixture's transformers references on this machine's device, per precision
 * (exit 0 when every precision is within its tolerance). The CPU checks also run as JUnit tests; this is for a GPU.
 */
@Command(name = "parity", mixinStandardHelpOptions = true,
        description = "Check the engine against the fixture references (../shared/fixtures) on a device.")
public final class ParityCommand implements Callable<Integer> {

    @Option(names = "--fixtures", required = true, description = "the fixtures folder (llava-tiny/, reference.json and reference.safetensors or its index)")
    Path fixtures;

    @Option(names = "--precisions", split = ",",
            description = "precisions to check (default fp32,fp16,int8; fp16 computes in FP16 on the CPU too)")
    List<String> precisions;

    @Option(names = "--kernel", description = "decode kernel for the greedy ids: torch or vector (default: the"
            + " engine's own choice)")
    String kernel;

    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;

    /** The desk's global options: {@code --device} is inherited from there. */
    @picocli.CommandLine.ParentCommand
    adreview.app.Main main;

    @Override
    public Integer call() {
        try {
            if (!Files.isRegularFile(fixtures.resolve("reference.safetensors"))
                    && !Files.isRegularFile(fixtures.resolve("reference.safetensors.index.json"))) {
                System.err.println("parity: " + fixtures + " has no reference.safetensors or reference.safetensors.index.json"
                        + " (give the fixtures folder)");
                return 2;
            }
            Device dev = BenchCommand.resolveDevice(adreview.llava.Device.parse(main.config().device()));
            List<String> wanted = precisions != null ? precisions : List.of("fp32", "fp16", "int8");
            DecodeKernel k = kernel == null ? null : DecodeKernel.parse(kernel);
            List<FixtureParity.Result> results = new ArrayList<>();
            for (String p : wanted) {
                WeightPrecision wp = WeightPrecision.valueOf(p.trim().toUpperCase(Locale.ROOT));
                results.add(FixtureParity.run(fixtures, dev, wp, k));
            }
            if (json) {
                System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
            } else {
                print(results);
            }
            return results.stream().allMatch(FixtureParity.Result::passed) ? 0 : 1;
        } catch (Exception e) {
            System.err.println("parity: " + CliErrors.oneLine(e));
            return 1;
        }
    }

    private static void print(List<FixtureParity.Result> results) {
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-5s %-6s %-6s %-4s", "prec", "device",
                "kernel", "case"));
        for (String t : FixtureParity.TENSORS) {
            header.append(String.format(Locale.ROOT, " %17s", t));
        }
        System.out.println(header + String.format(Locale.ROOT, " %8s %5s %6s %10s", "cosine", "top-1", "greedy",
                "vs op-op"));
        for (FixtureParity.Result r : results) {
            for (FixtureParity.CaseResult c : r.cases()) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-5s %-6s %-6s %-4d", r.precision(),
                        r.device(), r.kernel(), c.index()));
                for (String t : FixtureParity.TENSORS) {
                    line.append(String.format(Locale.ROOT, " %17.3e", c.relativeErrors().get(t)));
                }
                System.out.println(line + String.format(Locale.ROOT, " %8.5f %5s %3d/%d %10s", c.logitsLastCosine(),
                        c.sameTop1() ? "same" : "DIFF", c.greedyIdsMatched(), c.greedyIds(),
                        Double.isNaN(c.decodeVsOpByOp()) ? "-" : String.format(Locale.ROOT, "%.3e", c.decodeVsOpByOp())));
            }
            System.out.println(r.precision() + ": " + (r.passed() ? "PASS" : "FAIL " + String.join("; ", r.failures())));
        }
        System.out.println("relative error = ||engine - reference|| / ||reference||; greedy = ids equal to the"
                + " reference's 32 before the first difference (decoded by the kernel named); vs op-op = largest relative"
                + " error of the kernel's decode-step logits against libtorch's op-by-op step on the reference"
                + " continuation (within 1e-2 where it computes in FP16: fp16, and int8 on a GPU; else 1e-4)");
        System.out.printf(Locale.ROOT, "tolerances: fp32 %.0e on every tensor and all greedy ids; fp16 (FP16 arithmetic"
                        + " on any device) %.0e on every tensor, logits included, and the same top-1; int8 cosine >= %.2f"
                        + " of logits_last and the same top-1%n", FixtureParity.FP32_TOLERANCE,
                FixtureParity.FP16_TOLERANCE, FixtureParity.INT8_MIN_COSINE);
    }
}
