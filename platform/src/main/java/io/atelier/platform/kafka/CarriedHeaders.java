package io.atelier.platform.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.events.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * What a step's records carry from hop to hop besides the event: the W3C trace context ({@code traceparent},
 * {@code tracestate}) and the step's hop timings ({@value #TIMINGS}, a JSON object of hop name to instant). Each hop
 * copies what came in, adds its own, and hands it on: in Kafka record headers, and through session-service's outbox
 * as a stored column, so the relay continues what the request began. Immutable.
 */
public record CarriedHeaders(Map<String, String> values) {
    /** The header holding the hop timings. */
    public static final String TIMINGS = "atelier_timings";
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    private static final List<String> NAMES = List.of(TRACEPARENT, TRACESTATE, TIMINGS);

    public CarriedHeaders {
        values = Map.copyOf(values);
    }

    public static CarriedHeaders none() {
        return new CarriedHeaders(Map.of());
    }

    /** The carried headers of a record (the others are the event's own). */
    public static CarriedHeaders from(Headers headers) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String name : NAMES) {
            Header h = headers.lastHeader(name);
            if (h != null && h.value() != null) {
                found.put(name, new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        return new CarriedHeaders(found);
    }

    /** Read back from {@link #toJson()}; anything unreadable carries nothing rather than failing the event. */
    public static CarriedHeaders fromJson(String json) {
        if (json == null || json.isBlank()) {
            return none();
        }
        try {
            JsonNode node = EventCodec.mapper().readTree(json);
            Map<String, String> found = new LinkedHashMap<>();
            for (String name : NAMES) {
                if (node.path(name).isTextual()) {
                    found.put(name, node.get(name).asText());
                }
            }
            return new CarriedHeaders(found);
        } catch (JsonProcessingException e) {
            return none();
        }
    }

    public String toJson() {
        ObjectNode node = EventCodec.mapper().createObjectNode();
        NAMES.stream().filter(values::containsKey).forEach(n -> node.put(n, values.get(n)));
        return node.toString();
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** A copy with {@code name} set (or removed, for an empty value). */
    public CarriedHeaders with(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        if (value == null || value.isEmpty()) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new CarriedHeaders(copy);
    }

    /** The hop timings so far, in the order the hops happened. */
    public ObjectNode timings() {
        try {
            JsonNode node = EventCodec.mapper().readTree(values.getOrDefault(TIMINGS, "{}"));
            return node instanceof ObjectNode o ? o : EventCodec.mapper().createObjectNode();
        } catch (JsonProcessingException e) {
            return EventCodec.mapper().createObjectNode();
        }
    }

    /** A copy with one more hop: {@code hop} happened {@code at} (a repeated hop, after a redelivery, keeps its latest time). */
    public CarriedHeaders withHop(String hop, Instant at) {
        ObjectNode timings = timings();
        timings.put(hop, at.toString());
        return with(TIMINGS, timings.toString());
    }

    /** Adds these headers to a record's, replacing any of the same names. */
    public void addTo(Headers headers) {
        values.forEach((name, value) -> {
            headers.remove(name);
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        });
    }
}
