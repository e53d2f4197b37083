package io.atelier.gallery.projection;

import io.agroal.api.AgroalDataSource;
import io.atelier.events.EventCodec;
import io.atelier.events.KafkaEvents;
import io.atelier.events.Topics;
import io.atelier.gallery.GallerySettings;
import io.atelier.platform.kafka.ConsumerLoop;
import io.atelier.platform.kafka.ConsumerLoopSettings;
import io.atelier.platform.kafka.KafkaClients;
import io.atelier.platform.kafka.KafkaSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
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
 * apply one twice, and an empty database replays the log from offset 0.
 */
@ApplicationScoped
public class Projector extends ConsumerLoop {
    private static final Logger LOG = Logger.getLogger(Projector.class);

    private final KafkaSettings kafka;
    private final GallerySettings settings;
    private final AgroalDataSource db;
    private final SessionChanges changes;
    private final AtomicLong applied = new AtomicLong();

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
        KafkaConsumer<String, byte[]> c = KafkaClients.consumer(kafka, null, "gallery-projector", Map.of());
        try {
            List<TopicPartition> partitions = partitions(c);
            c.assign(partitions);
            Map<TopicPartition, Long> stored = storedOffsets();
            for (TopicPartition tp : partitions) {
                c.seek(tp, stored.getOrDefault(tp, 0L));
            }
            return c;
        } catch (RuntimeException | SQLException e) {
            c.close();
            throw e;
        }
    }

    @Override
    protected void handle(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records) throws SQLException {
        if (!records.isEmpty()) {
            applyBatch(records);
        }
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

    private void applyBatch(ConsumerRecords<String, byte[]> records) throws SQLException {
        Map<TopicPartition, Long> next = new HashMap<>();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                java.util.Set<java.util.UUID> touched = new java.util.LinkedHashSet<>();
                for (ConsumerRecord<String, byte[]> record : records) {
                    try {
                        var envelope = KafkaEvents.decode(record);
                        SessionProjection.apply(c, envelope);
                        touched.add(envelope.sessionId());
                    } catch (EventCodec.MalformedEventException e) {
                        LOG.errorf("skipping unreadable event at %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
                    }
                    next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO projection_offset (topic, partition_no, next_offset) VALUES (?,?,?)
                        ON CONFLICT (topic, partition_no) DO UPDATE SET next_offset = EXCLUDED.next_offset""")) {
                    for (var entry : next.entrySet()) {
                        ps.setString(1, entry.getKey().topic());
                        ps.setInt(2, entry.getKey().partition());
                        ps.setLong(3, entry.getValue());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
                applied.addAndGet(records.count());
                changes.publish(touched);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
