package io.atelier.platform.kafka;

import io.atelier.events.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** The dead-letter record of a consumed record: its key, value and headers as they were, plus where it came from and why. */
public final class DeadLetters {
    public static final String TOPIC_HEADER = "dl_topic";
    public static final String PARTITION_HEADER = "dl_partition";
    public static final String OFFSET_HEADER = "dl_offset";
    public static final String REASON_HEADER = "dl_reason";
    public static final String BY_HEADER = "dl_by";

    private DeadLetters() {
    }

    public static ProducerRecord<String, byte[]> of(ConsumerRecord<String, byte[]> source, String reason, String by) {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : source.headers()) {
            headers.add(h);
        }
        put(headers, TOPIC_HEADER, source.topic());
        put(headers, PARTITION_HEADER, Integer.toString(source.partition()));
        put(headers, OFFSET_HEADER, Long.toString(source.offset()));
        put(headers, REASON_HEADER, reason);
        put(headers, BY_HEADER, by);
        return new ProducerRecord<>(Topics.DEAD_LETTERS, null, source.key(), source.value(), headers);
    }

    private static void put(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
