package io.atelier.session.outcome;

import io.atelier.events.EventCodec;
import io.atelier.events.EventEnvelope;
import io.atelier.events.KafkaEvents;
import io.atelier.events.Topics;
import io.atelier.platform.kafka.CarriedHeaders;
import io.atelier.platform.kafka.ConsumerLoop;
import io.atelier.platform.trace.Hops;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.inject.Inject;
import io.atelier.platform.kafka.ConsumerLoopSettings;
import io.atelier.platform.kafka.DeadLetters;
import io.atelier.platform.kafka.KafkaClients;
import io.atelier.platform.kafka.PoisonRecordException;
import org.apache.kafka.clients.producer.KafkaProducer;
import io.atelier.platform.kafka.KafkaSettings;
import io.atelier.session.SessionSettings;
import io.atelier.session.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.jboss.logging.Logger;

/**
 * Reads render outcomes (read_committed) and records each on its session. Offsets are committed after
 * the database transaction, so a crash redelivers, and {@link OutcomeRecorder} ignores the repeat.
 * An outcome of a newer contract halts the consumer (an upgraded session-service reads it); a record
 * that is no event at all is dead-lettered, with an ERROR line, before the offset moves past it.
 */
@ApplicationScoped
public class OutcomeConsumer extends ConsumerLoop {
    private static final Logger LOG = Logger.getLogger(OutcomeConsumer.class);

    private final KafkaSettings kafka;
    private final ConsumerLoopSettings settings;
    private final OutcomeRecorder recorder;
    private final OutboxRelay relay;
    private KafkaProducer<String, byte[]> deadLetters;
    private Tracer tracer = OpenTelemetry.noop().getTracer("atelier");

    @Inject
    void tracer(Tracer tracer) {
        this.tracer = tracer;
    }

    public OutcomeConsumer(KafkaSettings kafka, SessionSettings settings, OutcomeRecorder recorder, OutboxRelay relay) {
        this.kafka = kafka;
        this.settings = settings.outcomeConsumer();
        this.recorder = recorder;
        this.relay = relay;
    }

    @Override
    protected String name() {
        return "outcome-consumer";
    }

    @Override
    protected ConsumerLoopSettings settings() {
        return settings;
    }

    @Override
    protected KafkaConsumer<String, byte[]> open() {
        KafkaConsumer<String, byte[]> c = KafkaClients.consumer(kafka, "atelier-session-outcomes", "session-outcomes", Map.of());
        c.subscribe(List.of(Topics.RENDER_OUTCOMES));
        return c;
    }

    @Override
    protected void closeResources() {
        if (deadLetters != null) {
            deadLetters.close(java.time.Duration.ofSeconds(5));
            deadLetters = null;
        }
    }

    @Override
    protected void handle(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records) throws Exception {
        if (records.isEmpty()) {
            return;
        }
        boolean changed = false;
        for (ConsumerRecord<String, byte[]> record : records) {
            changed |= record(record);
        }
        // the outbox rows are committed: the relay can publish them while the offsets commit (a crash in between
        // redelivers the outcome, which the recorder ignores)
        if (changed) {
            relay.wake();
        }
        consumer.commitSync();
    }

    private boolean record(ConsumerRecord<String, byte[]> record) throws Exception {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        try {
            EventEnvelope outcome = KafkaEvents.decode(record);
            CarriedHeaders carried = CarriedHeaders.from(record.headers());
            Span span = Hops.start(tracer, "record outcome", SpanKind.CONSUMER, carried);
            try (Scope ignored = span.makeCurrent()) {
                span.setAttribute("atelier.session", outcome.sessionId().toString());
                return recorder.record(outcome, carried);
            } finally {
                span.end();
            }
        } catch (EventCodec.NewerVersionException e) {
            throw new PoisonRecordException("outcome at " + where + " is from a newer contract: " + e.getMessage(), e);
        } catch (EventCodec.MalformedEventException e) {
            LOG.errorf("ALERT dead-lettering unreadable outcome at %s: %s", where, e.getMessage());
            if (deadLetters == null) {
                deadLetters = KafkaClients.producer(kafka, "session-outcomes-dead-letters");
            }
            deadLetters.send(DeadLetters.of(record, e.getMessage(), "session-service")).get();
            return false;
        }
    }
}
