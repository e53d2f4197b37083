package io.atelier.worker;

import io.atelier.engine.Engine;
import io.atelier.events.EventCodec;
import io.atelier.events.EventEnvelope;
import io.atelier.events.DraftRequested;
import io.atelier.events.InstructionRequested;
import io.atelier.events.KafkaEvents;
import io.atelier.events.RenderFailed;
import io.atelier.events.Topics;
import io.atelier.platform.kafka.ConsumerLoop;
import io.atelier.platform.kafka.ConsumerLoopSettings;
import io.atelier.platform.kafka.DeadLetters;
import io.atelier.platform.kafka.KafkaClients;
import io.atelier.platform.kafka.KafkaSettings;
import io.atelier.platform.kafka.PoisonRecordException;
import io.atelier.platform.storage.ImageStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Consume-render-produce with exactly-once effect on the log: for each InstructionRequested, the
 * outcome is sent and the input offset committed in one Kafka transaction. Any failure aborts the
 * transaction and rejoins the group from the last committed offset, so a step is answered once.
 *
 * <p>What cannot be rendered is never silently skipped: S3 not answering is retried in place with a
 * capped backoff (an outage is not the step's fault); a step that fails the same way on every attempt
 * gets RenderFailed with the reason after a bounded number of attempts, plus a dead-letter record;
 * a record that is not an event at all is dead-lettered; an event of a newer contract halts the loop
 * (it leaves the group, so an upgraded worker takes the partition).
 */
@ApplicationScoped
public class RenderLoop extends ConsumerLoop {
    private static final Logger LOG = Logger.getLogger(RenderLoop.class);
    static final String GROUP = "atelier-render-workers";

    private final KafkaSettings kafka;
    private final WorkerSettings settings;
    private final StepRenderer renderer;
    private final String transactionalId;
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private KafkaProducer<String, byte[]> producer;

    public RenderLoop(KafkaSettings kafka, WorkerSettings settings, StepRenderer renderer) {
        this.kafka = kafka;
        this.settings = settings;
        this.renderer = renderer;
        // One per instance: two workers given the same name must not fence each other. Zombie fencing does
        // not need a stable id, since the offsets go in with the group's metadata (KIP-447).
        this.transactionalId = "atelier-render-" + settings.name() + "-" + UUID.randomUUID();
    }

    /** The transactional id of this instance's producer. */
    String transactionalId() {
        return transactionalId;
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
        producer = KafkaClients.transactionalProducer(kafka, transactionalId);
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
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        EventEnvelope outcome = null;
        EventEnvelope request;
        try {
            request = KafkaEvents.decode(record);
        } catch (EventCodec.NewerVersionException e) {
            throw new PoisonRecordException("event at " + where(record) + " is from a newer contract: " + e.getMessage(), e);
        } catch (EventCodec.MalformedEventException e) {
            LOG.errorf("ALERT dead-lettering unreadable record at %s: %s", where(record), e.getMessage());
            out.add(DeadLetters.of(record, e.getMessage(), actor()));
            request = null;
        }
        if (request != null && request.event() instanceof InstructionRequested step) {
            outcome = renderOrGiveUp(record, request, step, out);
        } else if (request != null && request.event() instanceof DraftRequested draft) {
            outcome = renderer.draft(request, draft); // the root of a session started from a prompt
        }
        if (outcome != null) {
            out.add(0, KafkaEvents.record(Topics.RENDER_OUTCOMES, "/atelier/render-worker/" + settings.name(), outcome));
        }
        producer.beginTransaction();
        try {
            out.forEach(producer::send);
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
        attempts.remove(where(record));
        if (outcome != null) {
            LOG.infof("step %s of session %s: %s", request.event() instanceof DraftRequested d ? d.stepId()
                    : ((InstructionRequested) request.event()).stepId(), request.sessionId(), outcome.event().typeName());
        }
    }

    private EventEnvelope renderOrGiveUp(ConsumerRecord<String, byte[]> record, EventEnvelope request, InstructionRequested step,
                                         List<ProducerRecord<String, byte[]>> out) {
        Duration pause = settings.storageRetry().initialPause();
        Instant giveUpHolding = Instant.now().plus(settings.storageRetry().holdFor());
        while (true) {
            try {
                return renderer.render(request, step);
            } catch (ImageStore.StorageUnavailableException e) {
                // Not counted against the step: retried here (keeping the partition) until S3 answers; after holdFor the
                // loop reopens (its backoff takes over), so a long outage neither fails steps nor overruns max.poll.interval.
                if (!running() || Instant.now().plus(pause).isAfter(giveUpHolding)) {
                    throw e;
                }
                LOG.warnf("S3 unavailable rendering step %s, retrying in %d ms: %s", step.stepId(), pause.toMillis(), e.getMessage());
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(settings.storageRetry().maxPause()) > 0 ? settings.storageRetry().maxPause() : pause.multipliedBy(2);
            } catch (RuntimeException e) {
                int attempt = attempts.merge(where(record), 1, Integer::sum);
                if (attempt < settings.maxAttempts()) {
                    LOG.warnf("step %s failed (attempt %d of %d): %s", step.stepId(), attempt, settings.maxAttempts(), e.getMessage());
                    throw e;
                }
                String reason = reasonFor(e);
                LOG.errorf(e, "ALERT step %s failed %d times; answering RenderFailed and dead-lettering the request", step.stepId(), attempt);
                out.add(DeadLetters.of(record, reason + " (" + e.getMessage() + ")", actor()));
                return new EventEnvelope(UUID.randomUUID(), request.workspaceId(), request.sessionId(), request.sequence(), Instant.now(),
                        actor(), new RenderFailed(step.stepId(), reason,
                        "Branch from another step, or upload the source again; if it keeps happening, report it with the step id.",
                        List.of(), Engine.VERSION));
            }
        }
    }

    private static String reasonFor(RuntimeException e) {
        return e instanceof ImageStore.ObjectMissingException
                ? "The image this step starts from is missing from storage, so it cannot be rendered."
                : "This step could not be rendered: it failed the same way on every attempt (" + e.getClass().getSimpleName() + ").";
    }

    private String actor() {
        return "worker:" + settings.name();
    }

    private static String where(ConsumerRecord<String, byte[]> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for S3", e);
        }
    }
}
