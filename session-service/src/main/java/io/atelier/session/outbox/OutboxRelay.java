package io.atelier.session.outbox;

import io.atelier.events.EventCodec;
import io.atelier.events.EventEnvelope;
import io.atelier.events.KafkaEvents;
import io.atelier.events.Topics;
import io.atelier.platform.kafka.KafkaClients;
import io.atelier.platform.kafka.KafkaSettings;
import io.atelier.session.SessionSettings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to the session log, oldest first, in Kafka transactions. A row is marked
 * published only after its Kafka transaction committed, so a crash in between republishes it: delivery
 * is at-least-once and consumers drop events whose sequence they have already applied. Only the holder
 * of a PostgreSQL advisory lock publishes, so two replicas never interleave one session's events.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x4174656c6965724cL;

    private final KafkaSettings kafka;
    private final SessionSettings.OutboxRelay settings;
    private final EntityManager em;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicReference<Thread> thread = new AtomicReference<>();
    private volatile boolean running;
    private volatile Instant lastSuccess = Instant.EPOCH;

    public OutboxRelay(KafkaSettings kafka, SessionSettings settings, EntityManager em) {
        this.kafka = kafka;
        this.settings = settings.outbox();
        this.em = em;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        Thread t = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
        thread.set(t);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wake.release();
        Thread t = thread.get();
        if (t != null) {
            t.join(settings.shutdownGrace());
        }
    }

    /** Asks the relay to look at the outbox now instead of at its next poll. */
    public void wake() {
        wake.release();
    }

    /** When the relay last published or found nothing to publish, for the readiness check. */
    public Instant lastSuccess() {
        return lastSuccess;
    }

    private void loop() {
        KafkaProducer<String, byte[]> producer = null;
        while (running) {
            try {
                if (producer == null) {
                    producer = KafkaClients.transactionalProducer(kafka, "atelier-session-outbox");
                    producer.initTransactions();
                }
                int published = publishBatch(producer);
                lastSuccess = Instant.now();
                if (published < settings.batchSize()) {
                    wake.tryAcquire(settings.idleWait().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ProducerFencedException e) {
                LOG.warn("outbox producer fenced by a newer instance; recreating it");
                producer = closeQuietly(producer);
            } catch (KafkaException | IllegalStateException e) {
                LOG.warnf("publishing the outbox failed, will retry: %s", e.getMessage());
                producer = closeQuietly(producer);
                sleepQuietly(settings.retryPause());
            } catch (RuntimeException e) {
                LOG.error("unexpected error in the outbox relay, will retry", e);
                sleepQuietly(settings.retryPause());
            }
        }
        closeQuietly(producer);
    }

    private int publishBatch(KafkaProducer<String, byte[]> producer) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean leader = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)").setParameter(1, RELAY_LOCK).getSingleResult();
            if (!leader) {
                return 0;
            }
            List<OutboxEntity> rows = em.createQuery("FROM OutboxEntity WHERE publishedAt IS NULL ORDER BY id", OutboxEntity.class)
                    .setMaxResults(settings.batchSize()).getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            producer.beginTransaction();
            try {
                for (OutboxEntity row : rows) {
                    // publish the stored bytes as they are; decoding is only for the headers and the key
                    EventEnvelope envelope = EventCodec.decode(row.payload);
                    producer.send(KafkaEvents.record(Topics.SESSION_EVENTS, "/atelier/session-service", envelope, row.payload));
                }
                producer.commitTransaction();
            } catch (KafkaException e) {
                abortQuietly(producer);
                throw e;
            }
            Instant now = Instant.now();
            rows.forEach(r -> r.publishedAt = now);
            return rows.size();
        });
    }

    private static void abortQuietly(KafkaProducer<String, byte[]> producer) {
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            // the producer is recreated by the caller
        }
    }

    private static KafkaProducer<String, byte[]> closeQuietly(KafkaProducer<String, byte[]> producer) {
        if (producer != null) {
            try {
                producer.close(java.time.Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                // closing is best effort
            }
        }
        return null;
    }

    private static void sleepQuietly(java.time.Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
