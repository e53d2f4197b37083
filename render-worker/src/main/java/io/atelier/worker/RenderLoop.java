package io.atelier.worker;

import io.atelier.events.EventCodec;
import io.atelier.events.EventEnvelope;
import io.atelier.events.InstructionRequested;
import io.atelier.events.KafkaEvents;
import io.atelier.events.Topics;
import io.atelier.platform.kafka.ConsumerLoop;
import io.atelier.platform.kafka.ConsumerLoopSettings;
import io.atelier.platform.kafka.KafkaClients;
import io.atelier.platform.kafka.KafkaSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
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
import org.jboss.logging.Logger;

/**
 * Consume-render-produce with exactly-once effect on the log: for each InstructionRequested, the
 * outcome is sent and the input offset committed in one Kafka transaction. Any failure aborts the
 * transaction and rejoins the group from the last committed offset, so a step is answered once.
 */
@ApplicationScoped
public class RenderLoop extends ConsumerLoop {
    private static final Logger LOG = Logger.getLogger(RenderLoop.class);
    static final String GROUP = "atelier-render-workers";

    private final KafkaSettings kafka;
    private final WorkerSettings settings;
    private final StepRenderer renderer;
    private KafkaProducer<String, byte[]> producer;

    public RenderLoop(KafkaSettings kafka, WorkerSettings settings, StepRenderer renderer) {
        this.kafka = kafka;
        this.settings = settings;
        this.renderer = renderer;
    }

    @Override
    protected String name() {
        return "render-loop";
    }

    @Override
    protected ConsumerLoopSettings settings() {
        return settings.renderLoop();
    }

    @Override
    protected KafkaConsumer<String, byte[]> open() {
        producer = KafkaClients.transactionalProducer(kafka, "atelier-render-" + settings.name());
        producer.initTransactions();
        KafkaConsumer<String, byte[]> c = KafkaClients.consumer(kafka, GROUP, "render-" + settings.name(),
                Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords(),
                        ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) settings.maxPollInterval().toMillis()));
        c.subscribe(List.of(Topics.SESSION_EVENTS));
        return c;
    }

    @Override
    protected void handle(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            process(consumer, record);
        }
    }

    @Override
    protected void closeResources() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    // Every record, rendered or not, moves the group's offset inside a transaction, so the committed
    // position never runs ahead of an outcome that was not written.
    private void process(KafkaConsumer<String, byte[]> c, ConsumerRecord<String, byte[]> record) {
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
}
