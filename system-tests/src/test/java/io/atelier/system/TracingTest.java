package io.atelier.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atelier.system.OtlpCollector.ReceivedSpan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One step's whole path is one trace: the REST call, the outbox publish, the worker's render, the outcome recorded,
 * published again and projected, each span the child of the hop before it although they run in three processes
 * connected only by Kafka records (the trace context rides in the record headers and the outbox row).
 */
@ExtendWith(RunningStack.class)
class TracingTest {

    @Test
    void aStepIsOneTraceAcrossTheThreeServicesWithEveryHopTheChildOfTheOneBefore() {
        UUID session = Api.newSession("traced");
        UUID root = Api.uploadPhoto(session);
        Api.awaitFinished(session, root);
        UUID step = Api.step(session, root, "mirror it");
        assertThat(Api.awaitFinished(session, step)).isEqualTo("rendered");

        OtlpCollector collector = RunningStack.traces();
        // the worker's span names the step; the rest of the trace is found from it
        String traceId = await().atMost(Duration.ofSeconds(30)).until(() -> collector.spans().stream()
                .filter(s -> s.name().equals("render step") && step.toString().equals(s.attributes().get("atelier.step")))
                .map(ReceivedSpan::traceId).findFirst(), Optional::isPresent).orElseThrow();
        // two publishes (request, outcome) and two projections (request, outcome) besides the single hops
        List<ReceivedSpan> trace = await().atMost(Duration.ofSeconds(30)).until(() -> collector.spans().stream()
                .filter(s -> s.traceId().equals(traceId)).toList(), spans -> count(spans, "project") >= 2 && count(spans, "outbox publish") >= 2);
        Map<String, ReceivedSpan> byId = trace.stream().collect(Collectors.toMap(ReceivedSpan::spanId, Function.identity(), (a, b) -> a));

        ReceivedSpan render = only(trace, "render step");
        ReceivedSpan recorded = only(trace, "record outcome");
        ReceivedSpan requestPublished = byId.get(render.parentSpanId());
        ReceivedSpan outcomePublished = trace.stream().filter(s -> s.name().equals("outbox publish") && s.parentSpanId().equals(recorded.spanId()))
                .findFirst().orElseThrow(() -> new AssertionError("no outbox publish under 'record outcome' in " + names(trace)));

        assertThat(requestPublished).as("the render's parent").isNotNull();
        assertThat(requestPublished.name()).isEqualTo("outbox publish");
        assertThat(requestPublished.kind()).isEqualTo("SPAN_KIND_PRODUCER");
        assertThat(render.kind()).isEqualTo("SPAN_KIND_CONSUMER");
        assertThat(recorded.parentSpanId()).as("the outcome is recorded under the render").isEqualTo(render.spanId());
        assertThat(trace).filteredOn(s -> s.name().equals("project")).extracting(ReceivedSpan::parentSpanId)
                .as("the gallery projects both the request and the outcome, each under its publish")
                .contains(requestPublished.spanId(), outcomePublished.spanId());

        // the request's publish descends from the REST call that accepted the step
        ReceivedSpan top = requestPublished;
        while (byId.containsKey(top.parentSpanId())) {
            top = byId.get(top.parentSpanId());
        }
        assertThat(top.kind()).isEqualTo("SPAN_KIND_SERVER");
        assertThat(top.name()).startsWith("POST ").contains("/steps");
        assertThat(top.parentSpanId()).as("the REST call starts the trace").isEmpty();

        assertThat(top.service()).contains("session");
        assertThat(requestPublished.service()).contains("session");
        assertThat(render.service()).contains("render");
        assertThat(recorded.service()).contains("session");
        assertThat(trace).filteredOn(s -> s.name().equals("project")).extracting(ReceivedSpan::service).allMatch(s -> s.contains("gallery"));
        assertThat(collector.protocolErrors()).as("every export kept to the OTLP/HTTP contract").isEmpty();
    }

    private static long count(List<ReceivedSpan> spans, String name) {
        return spans.stream().filter(s -> s.name().equals(name)).count();
    }

    private static ReceivedSpan only(List<ReceivedSpan> spans, String name) {
        List<ReceivedSpan> named = spans.stream().filter(s -> s.name().equals(name)).toList();
        assertThat(named).as("spans named '%s' in %s", name, names(spans)).hasSize(1);
        return named.get(0);
    }

    private static List<String> names(List<ReceivedSpan> spans) {
        return spans.stream().map(s -> s.service() + ":" + s.name()).toList();
    }
}
