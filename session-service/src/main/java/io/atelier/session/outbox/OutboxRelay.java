package io.atelier.session.outbox;

import io.agroal.api.AgroalDataSource;
import io.atelier.events.KafkaEvents;
import io.atelier.events.Topics;
import io.atelier.platform.kafka.CarriedHeaders;
import io.atelier.platform.kafka.KafkaClients;
import io.atelier.platform.trace.Hops;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import jakarta.inject.Inject;
import io.atelier.platform.kafka.KafkaSettings;
import io.atelier.session.SessionSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to the session log, oldest first, in Kafka transactions. A row is marked
 * published only after its Kafka transaction committed, so a crash in between republishes it: delivery
 * is at-least-once and consumers drop events whose sequence they have already applied.
 *
 * <p>One replica publishes: the one holding a session-level PostgreSQL advisory lock on a connection of
 * its own. It takes the lock <em>before</em> it creates its transactional producer (a standby never
 * initialises one, so it cannot fence the leader) and keeps it until it stops or its connection dies;
 * on shutdown it closes the producer first and then releases the lock, so a standby takes over cleanly.
 * Rows are published as the bytes that were stored: nothing is decoded, so one row this build cannot
 * read does not stop every session's events.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x4174656c6965724cL;
    static final String TRANSACTIONAL_ID = "atelier-session-outbox";
    /** Hop names the relay adds to a step's timings. */
    public static final String HOP_PUBLISHED = "published";
    public static final String HOP_OUTCOME_PUBLISHED = "outcomePublished";

    private final KafkaSettings kafka;
    private final SessionSettings.OutboxRelay settings;
    private final AgroalDataSource db;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicReference<Thread> thread = new AtomicReference<>();
    private final AtomicInteger producersCreated = new AtomicInteger();
    private volatile boolean running;
    private volatile boolean leader;
    private volatile Instant lastSuccess = Instant.EPOCH;
    private volatile Instant lastDatabaseContact = Instant.EPOCH;
    private Tracer tracer = OpenTelemetry.noop().getTracer("atelier");

    public OutboxRelay(KafkaSettings kafka, SessionSettings settings, AgroalDataSource db) {
        this.kafka = kafka;
        this.settings = settings.outbox();
        this.db = db;
    }

    @Inject
    void tracer(Tracer tracer) {
        this.tracer = tracer;
    }

    void start(@Observes StartupEvent event) {
        start();
    }

    /** Starts the relay's thread (a second relay in the same process is how tests play a second replica). */
    public void start() {
        running = true;
        Thread t = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
        thread.set(t);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stop();
    }

    public void stop() throws InterruptedException {
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

    /** When the relay last published or found nothing to publish. */
    public Instant lastSuccess() {
        return lastSuccess;
    }

    /** When the relay last reached the database (as leader or standby): commands are accepted while it can. */
    public Instant lastDatabaseContact() {
        return lastDatabaseContact;
    }

    /** Whether this replica holds the relay lock. */
    public boolean leader() {
        return leader;
    }

    /** How many transactional producers this relay has created: one per leadership unless Kafka failed. */
    public int producersCreated() {
        return producersCreated.get();
    }

    private void loop() {
        Connection lock = null;
        KafkaProducer<String, byte[]> producer = null;
        while (running) {
            try {
                if (lock == null || !lock.isValid(2)) {
                    producer = closeQuietly(producer);
                    lock = release(lock);
                    leader = false;
                    lock = tryLead();
                    lastDatabaseContact = Instant.now();
                    if (lock == null) {
                        lastSuccess = Instant.now(); // a standby is healthy: it has nothing to publish
                        wake.tryAcquire(settings.retryPause().toMillis(), TimeUnit.MILLISECONDS);
                        continue;
                    }
                    leader = true;
                    LOG.info("this replica now publishes the outbox");
                }
                if (producer == null) {
                    producer = KafkaClients.transactionalProducer(kafka, TRANSACTIONAL_ID);
                    producersCreated.incrementAndGet();
                    producer.initTransactions();
                }
                int published = publishBatch(producer);
                lastSuccess = Instant.now();
                lastDatabaseContact = lastSuccess;
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
            } catch (SQLException | RuntimeException | Error e) {
                // Errors too: the relay's thread must not end while the service looks alive
                LOG.errorf(e, "the outbox relay failed, will retry");
                producer = e instanceof Error ? closeQuietly(producer) : producer;
                sleepQuietly(settings.retryPause());
            }
        }
        // hand over: no producer of ours is left when the standby takes the lock and creates its own
        closeQuietly(producer);
        release(lock);
        leader = false;
    }

    // a connection of our own holding the session-level lock, or null when another replica holds it
    private Connection tryLead() throws SQLException {
        Connection c = db.getConnection();
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, RELAY_LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getBoolean(1)) {
                    return c;
                }
            }
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        c.close();
        return null;
    }

    private static Connection release(Connection lock) {
        if (lock != null) {
            try (lock; PreparedStatement ps = lock.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                ps.setLong(1, RELAY_LOCK);
                ps.execute();
            } catch (SQLException e) {
                // a dead connection has released the lock already
            }
        }
        return null;
    }

    // Plain JDBC on a connection of its own: this runs twice for every step (its request, then its outcome), and the
    // entity manager's query, dirty check and flush cost more CPU than the Kafka transaction they wrap.
    private int publishBatch(KafkaProducer<String, byte[]> producer) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                int published = publishBatch(c, producer);
                c.commit();
                return published;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private int publishBatch(Connection c, KafkaProducer<String, byte[]> producer) throws SQLException {
        List<OutboxEntity> rows = unpublished(c);
        if (rows.isEmpty()) {
            return 0;
        }
        // each row continues the trace its command (or outcome) began; the span ends when its transaction has
        List<Span> spans = new java.util.ArrayList<>(rows.size());
        producer.beginTransaction();
        try {
            Instant sent = Instant.now();
            for (OutboxEntity row : rows) {
                CarriedHeaders carried = CarriedHeaders.fromJson(row.carried);
                Span span = Hops.start(tracer, "outbox publish", SpanKind.PRODUCER, carried);
                span.setAttribute("atelier.session", row.sessionId.toString());
                spans.add(span);
                producer.send(record(row, Hops.handOn(span, carried.withHop(hopOf(carried), sent))));
            }
            producer.commitTransaction();
        } catch (KafkaException e) {
            abortQuietly(producer);
            spans.forEach(s -> s.setStatus(io.opentelemetry.api.trace.StatusCode.ERROR));
            throw e;
        } finally {
            spans.forEach(Span::end);
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET published_at = ? WHERE id = ANY (?)")) {
            ps.setObject(1, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
            ps.setArray(2, c.createArrayOf("bigint", rows.stream().map(r -> r.id).toArray()));
            ps.executeUpdate();
        }
        return rows.size();
    }

    // the oldest rows not yet published, as detached values with what a record needs (nothing here is managed by an entity manager)
    private List<OutboxEntity> unpublished(Connection c) throws SQLException {
        List<OutboxEntity> rows = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, event_id, session_id, payload, carried FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT ?")) {
            ps.setInt(1, settings.batchSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OutboxEntity row = new OutboxEntity();
                    row.id = rs.getLong(1);
                    row.eventId = rs.getObject(2, java.util.UUID.class);
                    row.sessionId = rs.getObject(3, java.util.UUID.class);
                    row.payload = rs.getBytes(4);
                    row.carried = rs.getString(5);
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    // The stored bytes as they are, keyed by session; the CloudEvents headers come from the same JSON read
    // leniently, and a row that is not even JSON still goes out (with its id and session) for consumers to set aside.
    static ProducerRecord<String, byte[]> record(OutboxEntity row) {
        return record(row, CarriedHeaders.fromJson(row.carried));
    }

    /** The hop this publish is: a command's event going out, or a worker's outcome going out again on the session log. */
    static String hopOf(CarriedHeaders carried) {
        return carried.timings().has(Outbox.HOP_RECORDED) ? HOP_OUTCOME_PUBLISHED : HOP_PUBLISHED;
    }

    static ProducerRecord<String, byte[]> record(OutboxEntity row, CarriedHeaders carried) {
        RecordHeaders headers = new RecordHeaders();
        put(headers, "ce_specversion", "1.0");
        put(headers, "ce_id", row.eventId.toString());
        put(headers, "ce_source", "/atelier/session-service");
        put(headers, "ce_subject", row.sessionId.toString());
        put(headers, "content-type", "application/json");
        try {
            var json = io.atelier.events.EventCodec.mapper().readTree(row.payload);
            String type = json.path("type").asText("");
            int version = json.path("schemaVersion").asInt(0);
            put(headers, "ce_type", KafkaEvents.CE_TYPE_PREFIX + type + ".v" + version);
            put(headers, "ce_dataschema", "urn:atelier:events:" + type + ":v" + version);
            put(headers, "ce_time", json.path("time").asText(""));
            put(headers, "ce_atelierworkspace", json.path("workspaceId").asText(""));
            put(headers, "ce_atelierseq", json.path("sequence").asText(""));
        } catch (java.io.IOException | RuntimeException e) {
            LOG.errorf("outbox row %d (event %s) is not JSON; publishing its bytes as stored", row.id, row.eventId);
        }
        carried.addTo(headers);
        return new ProducerRecord<>(Topics.SESSION_EVENTS, null, row.sessionId.toString(), row.payload, headers);
    }

    private static void put(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
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
