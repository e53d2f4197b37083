package io.atelier.session.outcome;

import io.atelier.events.EventCodec;
import io.atelier.events.KafkaEvents;
import io.atelier.events.Topics;
import io.atelier.platform.kafka.KafkaClients;
import io.atelier.platform.kafka.KafkaSettings;
import io.atelier.session.outbox.OutboxRelay;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Reads render outcomes (read_committed) and records each on its session. Offsets are committed after
 * the database transaction, so a crash redelivers, and {@link OutcomeRecorder} ignores the repeat.
 */
@ApplicationScoped
public class OutcomeConsumer {
    private static final Logger LOG = Logger.getLogger(OutcomeConsumer.class);

    private final KafkaSettings kafka;
    private final OutcomeRecorder recorder;
    private final OutboxRelay relay;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running;
    private Thread thread;

    public OutcomeConsumer(KafkaSettings kafka, OutcomeRecorder recorder, OutboxRelay relay) {
        this.kafka = kafka;
        this.recorder = recorder;
        this.relay = relay;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = Thread.ofPlatform().name("outcome-consumer").daemon().start(this::loop);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            thread.join(10_000);
        }
    }

    private void loop() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = KafkaClients.consumer(kafka, "atelier-session-outcomes", "session-outcomes", Map.of())) {
                consumer = c;
                c.subscribe(List.of(Topics.RENDER_OUTCOMES));
                while (running) {
                    ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(500));
                    boolean changed = false;
                    for (ConsumerRecord<String, byte[]> record : records) {
                        changed |= handle(record);
                    }
                    if (!records.isEmpty()) {
                        c.commitSync();
                    }
                    if (changed) {
                        relay.wake();
                    }
                }
            } catch (WakeupException e) {
                // shutting down
            } catch (KafkaException e) {
                LOG.warnf("outcome consumer failed, reconnecting: %s", e.getMessage());
                pause();
            } catch (RuntimeException e) {
                // a database outage: the uncommitted records are read again after reconnecting
                LOG.error("recording an outcome failed, will retry", e);
                pause();
            }
        }
    }

    private boolean handle(ConsumerRecord<String, byte[]> record) {
        try {
            return recorder.record(KafkaEvents.decode(record));
        } catch (EventCodec.MalformedEventException e) {
            LOG.errorf("skipping unreadable outcome at %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
            return false;
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
