package adreview.llava.weights;

import adreview.llava.Fixtures;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A weights file that changes under a load ends in a sentence naming it, never in a crashed JVM (SIGBUS). */
class WeightFileChangesTest {

    private static Path copyOfShard(Path dir) throws IOException {
        Path shard = Fixtures.tinyModel().resolve("model-00001-of-00002.safetensors");
        Path copy = dir.resolve(shard.getFileName());
        Files.copy(shard, copy, StandardCopyOption.REPLACE_EXISTING);
        copy.toFile().setWritable(true);
        return copy;
    }

    @Test
    void aShardTruncatedAfterOpeningIsNamedWhenItsTensorsAreRead(@TempDir Path dir) throws IOException {
        Path shard = copyOfShard(dir);
        try (SafetensorsFile file = SafetensorsFile.open(shard); NDManager manager = NDManager.newBaseManager()) {
            String last = file.names().stream().reduce((a, b) -> b).orElseThrow();
            try (FileChannel w = FileChannel.open(shard, StandardOpenOption.WRITE)) {
                w.truncate(Files.size(shard) / 2);
            }
            assertThatThrownBy(() -> file.load(last, manager, DataType.FLOAT32))
                    .isInstanceOf(WeightsException.class)
                    .hasMessageContaining(shard.toString())
                    .hasMessageContaining("changed while tensor " + last + " was loading (it was ")
                    .hasMessageContaining("let the download or copy finish");
            assertThatThrownBy(() -> file.readFloats(last)).isInstanceOf(WeightsException.class);
        }
    }

    @Test
    void aShardReplacedDuringTheLoadIsNamed(@TempDir Path dir) throws IOException {
        Path shard = copyOfShard(dir);
        try (SafetensorsFile file = SafetensorsFile.open(shard)) {
            String first = file.names().iterator().next();
            Path other = dir.resolve("other");
            Files.copy(shard, other);
            Files.move(other, shard, StandardCopyOption.REPLACE_EXISTING);
            assertThatThrownBy(() -> file.readFloats(first))
                    .isInstanceOf(WeightsException.class).hasMessageContaining("another file replaced it");
        }
    }

    /**
     * Truncation racing the reads: whichever read meets it (between tensors, or inside a copy where the pages vanish
     * under the mapping) fails with the same sentence, and the JVM lives on to assert it.
     */
    @Test
    void truncationDuringRepeatedLoadsEndsInAWeightsException(@TempDir Path dir) throws Exception {
        Path shard = copyOfShard(dir);
        Throwable failure;
        try (SafetensorsFile file = SafetensorsFile.open(shard); NDManager manager = NDManager.newBaseManager()) {
            CountDownLatch started = new CountDownLatch(1);
            Thread truncator = new Thread(() -> {
                try {
                    started.await();
                    try (FileChannel w = FileChannel.open(shard, StandardOpenOption.WRITE)) {
                        w.truncate(4096);
                    }
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            truncator.start();
            failure = catchThrowable(() -> {
                for (int round = 0; round < 1_000; round++) {
                    for (String name : file.names()) {
                        file.load(name, manager, DataType.FLOAT32).close();
                        started.countDown();
                    }
                }
            });
            truncator.join();
        }
        assertThat(failure).isInstanceOf(WeightsException.class).hasMessageContaining("the load was stopped");
    }
}
