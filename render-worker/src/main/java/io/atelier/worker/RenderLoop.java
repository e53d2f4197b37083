package io.atelier.worker;

import io.atelier.events.EventCodec;
import io.atelier.events.EventEnvelope;
import io.atelier.events.InstructionRequested;
import io.atelier.events.KafkaEvents;
import io.atelier.events.Topics;
import io.atelier.platform.kafka.KafkaClients;
import io.atelier.platform.kafka.KafkaSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Consume-render-produce with exactly-once effect on the log: for each InstructionRequested, the
 * outcome is sent and the input offset committed in one Kafka transaction. Any failure aborts the
 * transaction and rejoins the group from the last committed offset, so a step is answered once.
 */
@ApplicationScoped
public class RenderLoop {
    private static final Logger LOG = Logger.getLogger(RenderLoop.class);
    static final String GROUP = "atelier-render-workers";

    private final KafkaSettings kafka;
    private final WorkerSettings settings;
    private final StepRenderer renderer;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Instant lastPoll = Instant.EPOCH;
    private Thread thread;

    public RenderLoop(KafkaSettings kafka, WorkerSettings settings, StepRenderer renderer) {
        this.kafka = kafka;
        this.settings = settings;
        this.renderer = renderer;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = Thread.ofPlatform().name("render-loop").start(this::loop);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            thread.join(30_000);
        }
    }

    /** When the loop last returned from a poll: the readiness check's signal. */
    public Instant lastPoll() {
        return lastPoll;
    }

    private void loop() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = KafkaClients.consumer(kafka, GROUP, "render-" + settings.name(),
                    Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10, ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 600_000));
                 KafkaProducer<String, byte[]> producer = KafkaClients.transactionalProducer(kafka, "atelier-render-" + settings.name())) {
                consumer = c;
                producer.initTransactions();
                c.subscribe(List.of(Topics.SESSION_EVENTS));
                while (running) {
                    ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(500));
                    lastPoll = Instant.now();
                    for (ConsumerRecord<String, byte[]> record : records) {
                        process(c, producer, record);
                    }
                }
            } catch (WakeupException e) {
                // shutting down
            } catch (KafkaException | io.atelier.platform.storage.ImageStore.StorageException e) {
                LOG.warnf("render loop failed (%s); rejoining from the last committed offset", e.getMessage());
                pause();
            } catch (RuntimeException e) {
                LOG.error("unexpected error in the render loop; rejoining from the last committed offset", e);
                pause();
            }
        }
    }

    // Every record, rendered or not, moves the group's offset inside a transaction, so the committed
    // position never runs ahead of an outcome that was not written.
    private void process(KafkaConsumer<String, byte[]> c, KafkaProducer<String, byte[]> producer, ConsumerRecord<String, byte[]> record) {
        EventEnvelope request = null;
        try {
            request = KafkaEvents.decode(record);
        } catch (EventCodec.MalformedEventException e) {
            LOG.errorf("skipping unreadable event at %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
        EventEnvelope outcome = request != null && request.event() instanceof InstructionRequested step ? renderer.render(request, step) : null;
        producer.beginTransaction();
        try {
            if (outcome != null) {
                producer.send(KafkaEvents.record(Topics.RENDER_OUTCOMES, "/atelier/render-worker/" + settings.name(), outcome));
            }
            producer.sendOffsetsToTransaction(
                    Map.of(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1)),
                    c.groupMetadata());
            producer.commitTransaction();
        } catch (KafkaException e) {
            try {
                producer.abortTransaction();
            } catch (KafkaException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
        if (outcome != null) {
            LOG.infof("step %s of session %s: %s", ((InstructionRequested) request.event()).stepId(), request.sessionId(),
                    outcome.event().typeName());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
