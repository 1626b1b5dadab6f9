package adreview.llava;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelServiceTest {

    /** Collects log events in memory (logback's ListAppender, written out). */
    static final class CapturingAppender extends AppenderBase<ILoggingEvent> {
        final List<ILoggingEvent> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        protected void append(ILoggingEvent event) {
            events.add(event);
        }

        long count(String prefix) {
            synchronized (events) {
                return events.stream().filter(e -> e.getFormattedMessage().startsWith(prefix)).count();
            }
        }
    }

    private final Logger logger = (Logger) LoggerFactory.getLogger(ModelService.class);
    private final CapturingAppender appender = new CapturingAppender();
    private Level previous;
    private final ModelService service = new ModelService();

    @BeforeEach
    void capture() {
        previous = logger.getLevel();
        logger.setLevel(Level.INFO);
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        service.close();
        logger.detachAppender(appender);
        logger.setLevel(previous);
    }

    @Test
    void sixteenConcurrentCallersShareOneLoad() throws Exception {
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        Set<Double> progressSeen = ConcurrentHashMap.newKeySet();
        try {
            List<Future<LlavaModel>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return service.get(Fixtures.tinyModel(), new LoadOptions(Device.CPU, Precision.FP32),
                            (f, p) -> progressSeen.add(f));
                }));
            }
            start.countDown();
            Set<LlavaModel> instances = ConcurrentHashMap.newKeySet();
            for (Future<LlavaModel> f : futures) {
                instances.add(f.get());
            }
            assertThat(instances).hasSize(1);
            assertThat(service.current()).contains(instances.iterator().next());
            assertThat(appender.count("Loading")).isEqualTo(1);
            assertThat(progressSeen).contains(1.0);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void otherPrecisionClosesAndReloads() throws Exception {
        LlavaModel fp32 = service.get(Fixtures.tinyModel(), new LoadOptions(Device.CPU, Precision.FP32), null);
        LlavaModel again = service.get(Fixtures.tinyModel(), new LoadOptions(Device.CPU, Precision.FP32), null);
        assertThat(again).isSameAs(fp32);
        LlavaModel int8 = service.get(Fixtures.tinyModel(), new LoadOptions(Device.CPU, Precision.INT8), null);
        assertThat(int8).isNotSameAs(fp32);
        assertThat(int8.info().precision()).isEqualTo(Precision.INT8);
        assertThat(int8.info().residentWeightBytes()).isLessThan(fp32.info().residentWeightBytes());
        assertThatThrownBy(() -> fp32.generate(GenerationRequest.of(LlavaModelTest.image("ad_gray.png"), "Hi", 1)))
                .isInstanceOf(GenerationException.class).hasMessageContaining("closed");
        assertThat(appender.count("Loading")).isEqualTo(2);
        service.close();
        assertThat(service.current()).isEmpty();
    }

    @Test
    void brokenFolderFailsAndLeavesNothingLoaded(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        assertThatThrownBy(() -> service.get(dir, LoadOptions.defaults(), null))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("config.json");
        assertThat(service.current()).isEmpty();
    }
}
