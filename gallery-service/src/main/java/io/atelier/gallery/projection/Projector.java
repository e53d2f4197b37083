package io.atelier.gallery.projection;

import io.agroal.api.AgroalDataSource;
import io.atelier.events.EventCodec;
import io.atelier.events.KafkaEvents;
import io.atelier.events.Topics;
import io.atelier.gallery.GallerySettings;
import io.atelier.platform.kafka.CarriedHeaders;
import io.atelier.platform.kafka.ConsumerLoop;
import io.atelier.platform.trace.Hops;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import jakarta.inject.Inject;
import io.atelier.platform.kafka.ConsumerLoopSettings;
import io.atelier.platform.kafka.KafkaClients;
import io.atelier.platform.kafka.KafkaSettings;
import io.atelier.platform.kafka.PoisonRecordException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Projects the session log into the read model. Partitions are assigned manually and positions live
 * in PostgreSQL, written in the same transaction as the rows: a crash can neither skip an event nor
 * apply one twice, and an empty database replays the log from offset 0. Each partition commits on its
 * own, so a failing one is retried alone while the others go on; partitions added to the topic later
 * are picked up. An event this build cannot read, or a gap in a session's sequence, halts the
 * projection loudly instead of being skipped.
 */
@ApplicationScoped
public class Projector extends ConsumerLoop {
    private static final Logger LOG = Logger.getLogger(Projector.class);

    private final KafkaSettings kafka;
    private final GallerySettings settings;
    private final AgroalDataSource db;
    private final SessionChanges changes;
    private final AtomicLong applied = new AtomicLong();
    private final Map<TopicPartition, Instant> paused = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Instant nextPartitionCheck = Instant.EPOCH;
    private Tracer tracer = OpenTelemetry.noop().getTracer("atelier");

    @Inject
    void tracer(Tracer tracer) {
        this.tracer = tracer;
    }

    public Projector(KafkaSettings kafka, GallerySettings settings, AgroalDataSource db, SessionChanges changes) {
        this.kafka = kafka;
        this.settings = settings;
        this.db = db;
        this.changes = changes;
    }

    public long appliedEvents() {
        return applied.get();
    }

    @Override
    protected String name() {
        return "projector";
    }

    @Override
    protected ConsumerLoopSettings settings() {
        return settings.projector();
    }

    // Manual assignment, positioned from the database: a failed batch is rolled back and re-read.
    @Override
    protected KafkaConsumer<String, byte[]> open() throws SQLException {
        KafkaConsumer<String, byte[]> c = KafkaClients.consumer(kafka, null, "gallery-projector",
                // metadata as fresh as the partition check, or partitionsFor answers from a cache that does not know the new ones
                Map.of(org.apache.kafka.clients.consumer.ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) settings.partitionCheckInterval().toMillis()));
        try {
            List<TopicPartition> partitions = partitions(c);
            c.assign(partitions);
            Map<TopicPartition, Long> stored = storedOffsets();
            for (TopicPartition tp : partitions) {
                c.seek(tp, stored.getOrDefault(tp, 0L));
            }
            paused.clear();
            nextPartitionCheck = Instant.now().plus(settings.partitionCheckInterval());
            return c;
        } catch (RuntimeException | SQLException e) {
            c.close();
            throw e;
        }
    }

    @Override
    protected void handle(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records) throws SQLException {
        resumeDue(consumer);
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> batch = records.records(tp);
            try {
                applyBatch(tp, batch);
            } catch (PoisonRecordException e) {
                throw e;
            } catch (SQLException | RuntimeException e) {
                // one partition's trouble (a bad row, a constraint) waits on its own; the others keep projecting
                Duration pause = settings.projector().restartPause();
                LOG.warnf(e, "projecting %s failed at offset %d; retrying it in %d ms while the other partitions go on", tp,
                        batch.get(0).offset(), pause.toMillis());
                consumer.seek(tp, batch.get(0).offset());
                consumer.pause(List.of(tp));
                paused.put(tp, Instant.now().plus(pause));
            }
        }
        if (Instant.now().isAfter(nextPartitionCheck)) {
            assignNewPartitions(consumer);
        }
    }

    private void resumeDue(KafkaConsumer<String, byte[]> consumer) {
        Instant now = Instant.now();
        List<TopicPartition> due = paused.entrySet().stream().filter(e -> now.isAfter(e.getValue())).map(Map.Entry::getKey).toList();
        if (!due.isEmpty()) {
            consumer.resume(due);
            due.forEach(paused::remove);
        }
    }

    // partitions added to the topic after the projector started are read too, from their start
    private void assignNewPartitions(KafkaConsumer<String, byte[]> consumer) throws SQLException {
        nextPartitionCheck = Instant.now().plus(settings.partitionCheckInterval());
        List<TopicPartition> all = partitions(consumer);
        java.util.Set<TopicPartition> assigned = consumer.assignment();
        List<TopicPartition> added = all.stream().filter(tp -> !assigned.contains(tp)).toList();
        if (added.isEmpty()) {
            return;
        }
        consumer.assign(all);
        Map<TopicPartition, Long> stored = storedOffsets();
        for (TopicPartition tp : added) {
            consumer.seek(tp, stored.getOrDefault(tp, 0L));
        }
        LOG.infof("the session log has new partitions %s; projecting them too", added);
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> c) {
        List<PartitionInfo> infos = c.partitionsFor(Topics.SESSION_EVENTS, settings.topicLookupTimeout());
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + Topics.SESSION_EVENTS + " does not exist yet");
        }
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private Map<TopicPartition, Long> storedOffsets() throws SQLException {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT partition_no, next_offset FROM projection_offset WHERE topic = ?")) {
            ps.setString(1, Topics.SESSION_EVENTS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    offsets.put(new TopicPartition(Topics.SESSION_EVENTS, rs.getInt(1)), rs.getLong(2));
                }
            }
        }
        return offsets;
    }

    // One partition's records and its position in one database transaction.
    private void applyBatch(TopicPartition tp, List<ConsumerRecord<String, byte[]>> records) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                java.util.Set<java.util.UUID> touched = new java.util.LinkedHashSet<>();
                // one span per event, ended once its row is committed and live views are told (the SSE push follows)
                List<Span> spans = new java.util.ArrayList<>();
                long next = -1;
                int count = 0;
                PoisonRecordException stop = null;
                for (ConsumerRecord<String, byte[]> record : records) {
                    // both checks come before the record writes anything: what precedes it is committed, it is not
                    try {
                        var envelope = decode(record);
                        CarriedHeaders carried = CarriedHeaders.from(record.headers());
                        Span span = Hops.start(tracer, "project", SpanKind.CONSUMER, carried);
                        span.setAttribute("atelier.session", envelope.sessionId().toString());
                        spans.add(span);
                        try {
                            SessionProjection.apply(c, envelope, carried);
                        } catch (SessionProjection.SequenceGapException e) {
                            throw new PoisonRecordException("a gap in the session log at " + where(record) + ": " + e.getMessage(), e);
                        }
                        touched.add(envelope.sessionId());
                    } catch (PoisonRecordException e) {
                        stop = e;
                        break;
                    }
                    next = record.offset() + 1;
                    count++;
                }
                if (next >= 0) {
                    try (PreparedStatement ps = c.prepareStatement("""
                            INSERT INTO projection_offset (topic, partition_no, next_offset) VALUES (?,?,?)
                            ON CONFLICT (topic, partition_no) DO UPDATE SET next_offset = EXCLUDED.next_offset""")) {
                        ps.setString(1, tp.topic());
                        ps.setInt(2, tp.partition());
                        ps.setLong(3, next);
                        ps.executeUpdate();
                    }
                }
                c.commit();
                applied.addAndGet(count);
                changes.publish(touched);
                spans.forEach(Span::end);
                if (stop != null) {
                    throw stop;
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    // Nothing is skipped: an event this build cannot read stops the projection (liveness DOWN) until a build that can
    // read it replays; the history of the gallery is never silently shorter than the log.
    private static io.atelier.events.EventEnvelope decode(ConsumerRecord<String, byte[]> record) {
        try {
            return KafkaEvents.decode(record);
        } catch (EventCodec.MalformedEventException e) {
            throw new PoisonRecordException("unreadable event at " + where(record) + ": " + e.getMessage(), e);
        }
    }

    private static String where(ConsumerRecord<String, byte[]> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
