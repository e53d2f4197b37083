package io.atelier.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atelier.platform.PlatformStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The consumer loop's lifecycle against the local stack's real broker. */
@ExtendWith(PlatformStack.class)
class ConsumerLoopTest {
    private static final ConsumerLoopSettings FAST = new Settings(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(400),
            Duration.ofSeconds(10), Duration.ofSeconds(30));

    private final KafkaSettings kafka = () -> PlatformStack.setting("atelier.kafka.bootstrap-servers");
    private RecordingLoop loop;

    @AfterEach
    void stopLoop() throws InterruptedException {
        if (loop != null) {
            loop.stop();
        }
    }

    @Test
    void startsHandlesCommitsAndStops() throws Exception {
        String topic = newTopic();
        Instant before = Instant.now();
        loop = new RecordingLoop(topic, null);
        loop.start();
        send(topic, "a", "b", "c");

        await().atMost(Duration.ofSeconds(30)).until(() -> loop.committed.size() == 3);
        assertThat(loop.committed).containsExactly("a", "b", "c");
        assertThat(loop.lastPoll()).isAfter(before);
        assertThat(loop.isAlive()).isTrue();

        loop.stop();
        assertThat(loop.isAlive()).isFalse();
        assertThat(loop.opened.get()).isEqualTo(1);
    }

    @Test
    void aFailedBatchIsReadAgainFromTheLastCommittedPosition() throws Exception {
        String topic = newTopic();
        loop = new RecordingLoop(topic, "b");
        loop.start();
        send(topic, "a", "b", "c");

        await().atMost(Duration.ofSeconds(30)).until(() -> loop.committed.containsAll(List.of("a", "b", "c")));
        // "b" failed once: the consumer was closed and reopened, and "b" came back from the committed position
        assertThat(loop.opened.get()).isEqualTo(2);
        assertThat(loop.seen.stream().filter("b"::equals).count()).isEqualTo(2);
        assertThat(loop.committed.stream().filter("b"::equals).count()).isEqualTo(1);
    }

    @Test
    void aJvmErrorRestartsTheLoopInsteadOfEndingItsThread() throws Exception {
        String topic = newTopic();
        loop = new RecordingLoop(topic, "b", () -> new StackOverflowError("thrown by the test"));
        loop.start();
        send(topic, "a", "b", "c");

        await().atMost(Duration.ofSeconds(30)).until(() -> loop.committed.containsAll(List.of("a", "b", "c")));
        assertThat(loop.isAlive()).isTrue();
        assertThat(loop.opened.get()).isEqualTo(2);
        assertThat(loop.halted()).isEmpty();
    }

    @Test
    void aPoisonRecordHaltsTheLoopWithoutCommittingPastIt() throws Exception {
        String topic = newTopic();
        loop = new RecordingLoop(topic, "b", () -> new PoisonRecordException("b is from a newer contract", null));
        loop.start();
        send(topic, "a", "b", "c");

        await().atMost(Duration.ofSeconds(30)).until(() -> !loop.isAlive());
        assertThat(loop.halted()).contains("b is from a newer contract");
        assertThat(loop.committed).doesNotContain("b", "c");
        assertThat(loop.opened.get()).isEqualTo(1);
        // a fresh start (an upgraded build, an operator's decision) reads b again: nothing was skipped
        loop.failOnce = null;
        loop.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> loop.committed.containsAll(List.of("b", "c")));
        assertThat(loop.halted()).isEmpty();
    }

    @Test
    void failuresInARowBackOffUpToTheCap() throws Exception {
        String topic = newTopic();
        loop = new RecordingLoop(topic, null);
        loop.alwaysFail = true;
        loop.start();
        send(topic, "a");
        // pauses 100, 200, 400, 400 ms: five opens take at least 1.1 s, and the failures are counted
        long start = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).until(() -> loop.opened.get() >= 5);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1100));
        assertThat(loop.consecutiveFailures()).isGreaterThanOrEqualTo(4);
        assertThat(loop.isAlive()).isTrue();
    }

    @Test
    void stopWakesALoopWaitingInItsPoll() throws Exception {
        loop = new RecordingLoop(newTopic(), null);
        loop.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> loop.lastPoll().isAfter(Instant.EPOCH));
        long start = System.nanoTime();
        loop.stop();
        assertThat(loop.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST.shutdownGrace());
    }

    private String newTopic() throws Exception {
        String topic = "platform-test-" + UUID.randomUUID();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        return topic;
    }

    private void send(String topic, String... values) {
        try (KafkaProducer<String, byte[]> producer = KafkaClients.transactionalProducer(kafka, "platform-test-" + UUID.randomUUID())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, "key", value.getBytes(StandardCharsets.UTF_8)));
            }
            producer.commitTransaction();
        }
    }

    private record Settings(Duration pollTimeout, Duration restartPause, Duration maxRestartPause, Duration shutdownGrace, Duration readyWithin)
            implements ConsumerLoopSettings {
    }

    /** Records what it sees; throws once on the value it is told to fail on; commits after each batch. */
    private final class RecordingLoop extends ConsumerLoop {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final List<String> committed = new CopyOnWriteArrayList<>();
        final AtomicInteger opened = new AtomicInteger();
        private final String topic;
        private final java.util.function.Supplier<? extends Throwable> failure;
        volatile String failOnce;
        volatile boolean alwaysFail;

        RecordingLoop(String topic, String failOnce) {
            this(topic, failOnce, () -> new IllegalStateException("failing once on " + failOnce));
        }

        RecordingLoop(String topic, String failOnce, java.util.function.Supplier<? extends Throwable> failure) {
            this.topic = topic;
            this.failOnce = failOnce;
            this.failure = failure;
        }

        @Override
        protected String name() {
            return "test-loop";
        }

        @Override
        protected ConsumerLoopSettings settings() {
            return FAST;
        }

        @Override
        protected KafkaConsumer<String, byte[]> open() {
            opened.incrementAndGet();
            KafkaConsumer<String, byte[]> c = KafkaClients.consumer(kafka, "group-" + topic, "test-loop", Map.of());
            c.subscribe(List.of(topic));
            return c;
        }

        @Override
        protected void handle(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records) throws Exception {
            List<String> batch = new java.util.ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                String value = new String(record.value(), StandardCharsets.UTF_8);
                seen.add(value);
                if (alwaysFail) {
                    throw new IllegalStateException("failing every time");
                }
                if (value.equals(failOnce)) {
                    Throwable t = failure.get();
                    if (!(t instanceof PoisonRecordException)) {
                        failOnce = null;
                    }
                    if (t instanceof Error error) {
                        throw error;
                    }
                    throw (RuntimeException) t;
                }
                batch.add(value);
            }
            consumer.commitSync();
            committed.addAll(batch);
        }
    }
}
