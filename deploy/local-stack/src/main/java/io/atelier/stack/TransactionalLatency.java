package io.atelier.stack;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The floor under one exactly-once hop of the pipeline: a record sent in a Kafka transaction (begin, send, commit)
 * until a read_committed consumer has it, on the given broker. Kafka's EndToEndLatency tool times the plain,
 * non-transactional round trip; every hop of a step pays this one instead, because its output only becomes visible
 * when the transaction's commit markers are written.
 */
final class TransactionalLatency {
    private TransactionalLatency() {
    }

    /** Percentiles in milliseconds of {@code records} one-at-a-time transactional round trips (after 50 not counted). */
    static String measure(String bootstrap, int records) throws Exception {
        String topic = "atelier.bench-txn-latency-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        TopicPartition tp = new TopicPartition(topic, 0);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "atelier-bench-" + UUID.randomUUID(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0), new ByteArraySerializer(), new ByteArraySerializer());
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                     ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            producer.initTransactions();
            consumer.assign(List.of(tp));
            consumer.seekToEnd(List.of(tp));
            consumer.position(tp);
            byte[] value = new byte[512];
            int warmUp = 50;
            double[] roundTrip = new double[records];
            double[] commit = new double[records];
            for (int i = 0; i < records + warmUp; i++) {
                long t0 = System.nanoTime();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, value));
                long c0 = System.nanoTime();
                producer.commitTransaction();
                long c1 = System.nanoTime();
                while (consumer.poll(Duration.ofMillis(100)).isEmpty()) {
                    if (System.nanoTime() - t0 > Duration.ofSeconds(30).toNanos()) {
                        throw new IllegalStateException("a committed record did not arrive within 30 s");
                    }
                }
                if (i >= warmUp) {
                    roundTrip[i - warmUp] = (System.nanoTime() - t0) / 1e6;
                    commit[i - warmUp] = (c1 - c0) / 1e6;
                }
            }
            Arrays.sort(roundTrip);
            Arrays.sort(commit);
            return String.format(java.util.Locale.ROOT,
                    "Transactional round trip (begin, send, commit → read_committed poll), %d records: p50 %.1f ms, p99 %.1f ms;%n"
                            + "of which commitTransaction(): p50 %.1f ms, p99 %.1f ms",
                    records, PipelineBench.percentile(roundTrip, 50), PipelineBench.percentile(roundTrip, 99),
                    PipelineBench.percentile(commit, 50), PipelineBench.percentile(commit, 99));
        } finally {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.deleteTopics(List.of(topic)).all().get();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        System.out.println(measure(args[0], args.length > 1 ? Integer.parseInt(args[1]) : 1000));
    }
}
