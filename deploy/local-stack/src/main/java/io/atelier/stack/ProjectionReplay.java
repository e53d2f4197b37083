package io.atelier.stack;

import io.atelier.events.Topics;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;

/**
 * The pieces of {@code ./atelier replay}: a retention check on the session log, its end offsets, whether a
 * projection has reached them, and a digest of a projection per session and overall, so a gallery rebuilt
 * from offset 0 into a database of its own can be compared with the live one without touching it.
 */
public final class ProjectionReplay {
    // the session row, its steps and its kept events, each as PostgreSQL's text form of the whole row
    private static final String DIGESTS = """
            SELECT s.id, s.last_sequence, md5(s::text
                || coalesce((SELECT string_agg(st::text, '|' ORDER BY st.sequence, st.id) FROM gallery_step st WHERE st.session_id = s.id), '')
                || coalesce((SELECT string_agg(concat_ws(',', e.sequence, e.event_id, e.type, e.occurred_at, e.actor, e.event), '|'
                    ORDER BY e.sequence) FROM gallery_event e WHERE e.session_id = s.id), ''))
            FROM gallery_session s""";

    private ProjectionReplay() {
    }

    /** A session's digest and the sequence it had reached. */
    public record SessionDigest(long lastSequence, String digest) {
    }

    /** What a comparison found: sessions equal, different, only on one side, or moved on by the live side meanwhile. */
    public record Comparison(int equal, List<String> differences, List<UUID> stillMoving, String liveOverall, String replayOverall) {
        public boolean identical() {
            return differences.isEmpty();
        }
    }

    /** Refuses a session log that forgets: a replay from offset 0 must see every event ever written. */
    public static void requireInfiniteRetention(String bootstrap) throws ExecutionException, InterruptedException {
        try (Admin admin = admin(bootstrap)) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.SESSION_EVENTS);
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            String ms = config.get("retention.ms").value();
            String bytes = config.get("retention.bytes").value();
            if (!"-1".equals(ms) || !"-1".equals(bytes)) {
                throw new IllegalStateException(Topics.SESSION_EVENTS + " keeps events for retention.ms=" + ms + ", retention.bytes=" + bytes
                        + ": a replay would miss what was deleted. Set both to -1 (infinite) first.");
            }
        }
    }

    /**
     * Per partition, the position just after the session log's last committed record at this moment: what a
     * projection stores once it has applied everything written so far. (The log's end offset is not it: the
     * commit marker of the last transaction sits after the last record.)
     */
    public static Map<Integer, Long> endOffsets(String bootstrap) {
        Properties p = new Properties();
        p.put(org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(org.apache.kafka.clients.consumer.ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(org.apache.kafka.clients.consumer.ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<Integer, Long> out = new TreeMap<>();
        try (var c = new org.apache.kafka.clients.consumer.KafkaConsumer<>(p, new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(Topics.SESSION_EVENTS).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            Map<TopicPartition, Long> begin = c.beginningOffsets(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            for (TopicPartition tp : parts) {
                out.put(tp.partition(), lastRecordEnd(c, tp, begin.get(tp), end.get(tp)));
            }
        }
        return out;
    }

    // reads back from the end in growing windows until a committed record shows up
    private static long lastRecordEnd(org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]> c, TopicPartition tp, long begin, long end) {
        c.assign(List.of(tp));
        for (long window = 64; ; window *= 4) {
            long from = Math.max(begin, end - window);
            c.seek(tp, from);
            long last = -1;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (c.position(tp) < end && System.nanoTime() < deadline) {
                for (var r : c.poll(Duration.ofMillis(200)).records(tp)) {
                    last = Math.max(last, r.offset());
                }
            }
            if (last >= 0) {
                return last + 1;
            }
            if (from == begin) {
                return begin; // no committed record at all
            }
        }
    }

    /** How many records of {@code ends} the projection in {@code jdbcUrl} has passed (its stored positions, capped by the ends). */
    public static long projected(String jdbcUrl, String user, Map<Integer, Long> ends) throws SQLException {
        long total = 0;
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, "");
             PreparedStatement ps = c.prepareStatement("SELECT partition_no, next_offset FROM projection_offset WHERE topic = ?")) {
            ps.setString(1, Topics.SESSION_EVENTS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    total += Math.min(rs.getLong(2), ends.getOrDefault(rs.getInt(1), 0L));
                }
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0; // not migrated yet
            }
            throw e;
        }
        return total;
    }

    /** How long the projection took from its first applied event to its last (a replay's rate, without the service's start). */
    public static Duration projectionSpan(String jdbcUrl, String user) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, ""); PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(extract(epoch FROM max(projected_at) - min(projected_at)), 0) FROM gallery_event");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return Duration.ofNanos((long) (rs.getDouble(1) * 1e9));
        }
    }

    /** How many events the projection has applied (each once: redeliveries are not counted). */
    public static long events(String jdbcUrl, String user) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, ""); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM gallery_event");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static Map<UUID, SessionDigest> digests(String jdbcUrl, String user) throws SQLException {
        Map<UUID, SessionDigest> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, ""); PreparedStatement ps = c.prepareStatement(DIGESTS);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getObject(1, UUID.class), new SessionDigest(rs.getLong(2), rs.getString(3)));
            }
        }
        return out;
    }

    /**
     * Compares the replayed projection with the live one. A session the live side has moved past (events
     * after the replay's end offsets) is listed as still moving, not as a difference.
     */
    public static Comparison compare(Map<UUID, SessionDigest> live, Map<UUID, SessionDigest> replay) {
        List<String> differences = new ArrayList<>();
        List<UUID> moving = new ArrayList<>();
        int equal = 0;
        java.util.Set<UUID> all = new java.util.TreeSet<>(live.keySet());
        all.addAll(replay.keySet());
        Map<UUID, String> liveCompared = new TreeMap<>();
        Map<UUID, String> replayCompared = new TreeMap<>();
        for (UUID id : all) {
            SessionDigest l = live.get(id);
            SessionDigest r = replay.get(id);
            if (l == null) {
                differences.add(id + ": only in the replay (sequence " + r.lastSequence() + ")");
            } else if (r == null) {
                differences.add(id + ": only in the live projection (sequence " + l.lastSequence() + ")");
            } else if (l.lastSequence() > r.lastSequence()) {
                moving.add(id);
            } else if (!l.digest().equals(r.digest())) {
                differences.add(id + ": same sequence " + l.lastSequence() + ", live digest " + l.digest() + ", replay " + r.digest());
            } else {
                equal++;
                liveCompared.put(id, l.digest());
                replayCompared.put(id, r.digest());
            }
        }
        return new Comparison(equal, differences, moving, overall(liveCompared), overall(replayCompared));
    }

    private static String overall(Map<UUID, String> digests) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            digests.forEach((id, d) -> sha.update((id + ":" + d + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the projection has passed every record of {@code ends}; returns how long that took from the first record. */
    public static Duration awaitCaughtUp(String jdbcUrl, String user, Map<Integer, Long> ends, Duration timeout)
            throws SQLException, InterruptedException {
        long target = ends.values().stream().mapToLong(Long::longValue).sum();
        long deadline = System.nanoTime() + timeout.toNanos();
        long firstProgress = -1;
        while (true) {
            long done = projected(jdbcUrl, user, ends);
            if (done > 0 && firstProgress < 0) {
                firstProgress = System.nanoTime();
            }
            if (done >= target) {
                return firstProgress < 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - firstProgress);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the replay reached " + done + " of " + target + " records in " + timeout.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    private static Admin admin(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(props);
    }
}
