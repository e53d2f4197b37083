package io.atelier.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.platform.trace.Hops;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** Trace context and hop timings travel from record headers through an outbox row and back, hop by hop. */
class CarriedHeadersTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    @Test
    void hopsAccumulateInOrderAndSurviveTheOutboxColumn() {
        Instant accepted = Instant.parse("2026-11-28T09:00:00.001Z");
        Instant published = Instant.parse("2026-11-28T09:00:00.004Z");
        CarriedHeaders carried = CarriedHeaders.none().withHop("accepted", accepted).withHop("published", published);

        CarriedHeaders back = CarriedHeaders.fromJson(carried.toJson());

        assertThat(back).isEqualTo(carried);
        assertThat(back.timings().fieldNames()).toIterable().containsExactly("accepted", "published");
        assertThat(back.timings().get("published").asText()).isEqualTo("2026-11-28T09:00:00.004Z");
    }

    @Test
    void recordHeadersCarryOnlyTheirOwnNamesAndReplaceOldValues() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", "x".getBytes(StandardCharsets.UTF_8));
        headers.add(CarriedHeaders.TIMINGS, "{\"accepted\":\"2026-11-28T09:00:00Z\"}".getBytes(StandardCharsets.UTF_8));
        CarriedHeaders in = CarriedHeaders.from(headers);
        assertThat(in.values()).containsOnlyKeys(CarriedHeaders.TIMINGS);

        in.withHop("renderStarted", Instant.parse("2026-11-28T09:00:01Z")).addTo(headers);

        assertThat(headers.headers(CarriedHeaders.TIMINGS)).hasSize(1);
        assertThat(CarriedHeaders.from(headers).timings().fieldNames()).toIterable().containsExactly("accepted", "renderStarted");
    }

    @Test
    void unreadableStoredValuesCarryNothingRatherThanFailingTheEvent() {
        assertThat(CarriedHeaders.fromJson("not json")).isEqualTo(CarriedHeaders.none());
        assertThat(CarriedHeaders.fromJson(null)).isEqualTo(CarriedHeaders.none());
        assertThat(CarriedHeaders.none().with(CarriedHeaders.TIMINGS, "[1]").timings().isEmpty()).isTrue();
    }

    @Test
    void aSampledSpanIsHandedOnAsW3cTraceparentAndContinuedFromIt() {
        Span parent = Span.wrap(SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault()));

        CarriedHeaders handed = Hops.handOn(Context.root().with(parent), CarriedHeaders.none().withHop("accepted", Instant.EPOCH));

        assertThat(handed.get(CarriedHeaders.TRACEPARENT)).contains("00-" + TRACE + "-" + SPAN + "-01");
        assertThat(handed.timings().has("accepted")).isTrue();
        // with tracing off there is no valid span: the old context is dropped, not passed on as if it were ours
        assertThat(Hops.handOn(Context.root(), handed).get(CarriedHeaders.TRACEPARENT)).isEmpty();
    }
}
