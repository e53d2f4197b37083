package io.atelier.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Events as Kafka records: key = session id, value = the codec's JSON, and CloudEvents 1.0 attributes
 * in binary content mode as {@code ce_*} headers, so any CloudEvents-aware consumer can route on them.
 */
public final class KafkaEvents {
    public static final String CE_TYPE_PREFIX = "io.atelier.session.";

    private KafkaEvents() {
    }

    public static ProducerRecord<String, byte[]> record(String topic, String source, EventEnvelope envelope) {
        return record(topic, source, envelope, EventCodec.encode(envelope));
    }

    /** A record whose value is {@code json}, the already-encoded form of {@code envelope} (as stored in an outbox). */
    public static ProducerRecord<String, byte[]> record(String topic, String source, EventEnvelope envelope, byte[] json) {
        return new ProducerRecord<>(topic, null, envelope.sessionId().toString(), json, headers(source, envelope));
    }

    public static Headers headers(String source, EventEnvelope envelope) {
        RecordHeaders headers = new RecordHeaders();
        put(headers, "ce_specversion", "1.0");
        put(headers, "ce_id", envelope.eventId().toString());
        put(headers, "ce_source", source);
        put(headers, "ce_type", CE_TYPE_PREFIX + envelope.event().typeName() + ".v" + EventCodec.SCHEMA_VERSION);
        put(headers, "ce_subject", envelope.sessionId().toString());
        put(headers, "ce_time", envelope.time().toString());
        put(headers, "ce_dataschema", "urn:atelier:events:" + envelope.event().typeName() + ":v" + EventCodec.SCHEMA_VERSION);
        put(headers, "ce_atelierworkspace", envelope.workspaceId());
        put(headers, "ce_atelierseq", Long.toString(envelope.sequence()));
        put(headers, "content-type", "application/json");
        return headers;
    }

    public static EventEnvelope decode(ConsumerRecord<String, byte[]> record) {
        return EventCodec.decode(record.value());
    }

    /** A header's value as text, or empty when absent. */
    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
