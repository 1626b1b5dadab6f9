package adreview.review.remote;

import adreview.review.CancellationGroup;
import adreview.review.RunRequest;
import adreview.review.batch.BatchReport;
import adreview.review.batch.BatchResult;
import adreview.review.batch.BatchRunner;
import adreview.review.prompt.Prompt;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throughput of Stage 1 on a real {@code llama-server} with 8 slots ({@code -t 1}) at concurrency 1, 2, 4 and 8:
 * prints runs per minute and the median run time for the README's table. Measures, asserts no time (the machine's
 * load decides the numbers). Tagged slow: {@code ./mvnw -Pall-tests test -pl src/desk-core -am
 * -Dtest=RemoteThroughputTest -Dsurefire.failIfNoSpecifiedTests=false}; {@code -Dthroughput.runs=N} runs per level.
 */
@Tag("slow")
@ExtendWith(LlamaKit.class)
class RemoteThroughputTest {

    @Test
    void stage1RunsPerMinuteAtConcurrency1248() {
        int runs = Integer.getInteger("throughput.runs", 16);
        try (RemoteTestBench bench = new RemoteTestBench();
             LlamaServer server = LlamaServer.start(8, Path.of("target", "llama-server"))) {
            OpenAiReviewModel model = new OpenAiReviewModel(RemoteSettings.of(server.endpoint(), null, null));
            // Warm-up: the first request builds the grammar and maps the weights.
            new BatchRunner(bench.service(model), 1).run(requests(bench, 1), new CancellationGroup(), null);
            List<String> table = new ArrayList<>();
            table.add("| concurrency | runs | wall s | runs/min | median s per run |");
            table.add("| --- | --- | --- | --- | --- |");
            for (int concurrency : new int[] {1, 2, 4, 8}) {
                List<RunRequest> requests = requests(bench, runs);
                long t0 = System.nanoTime();
                List<BatchResult> results = new BatchRunner(bench.service(model), concurrency)
                        .run(requests, new CancellationGroup(), null);
                BatchReport r = BatchReport.of(results, concurrency, (System.nanoTime() - t0) / 1_000_000);
                assertThat(r.count(BatchResult.Kind.DONE)).isEqualTo(runs);
                table.add(String.format(java.util.Locale.ROOT, "| %d | %d | %.1f | %.1f | %.2f |", concurrency, runs,
                        r.wallMillis() / 1000.0, r.runsPerMinute(), r.medianMillis() / 1000.0));
                System.out.println("throughput: " + r.line());
            }
            System.out.println(String.join("\n", table));
        }
    }

    /** Re-judges of Stage 1 on distinct images (no state to keep eligible; no prompt cache shared between them). */
    private static List<RunRequest> requests(RemoteTestBench bench, int n) {
        List<RunRequest> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(RunRequest.rejudge(Prompt.Stage.STAGE1, bench.variant("ocr_eval", "done", i % 16), "bench", null));
        }
        return out;
    }
}
