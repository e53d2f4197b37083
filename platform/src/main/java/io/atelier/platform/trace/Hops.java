package io.atelier.platform.trace;

import io.atelier.platform.kafka.CarriedHeaders;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.HashMap;
import java.util.Map;

/**
 * One hop of a step's path as an OpenTelemetry span: its parent is the trace context the hop received (a record's
 * headers, an outbox row) and what it hands on carries its own context. With tracing off (the default) the tracer is
 * a no-op, spans are invalid and nothing is added to the headers; the hop timings travel either way.
 */
public final class Hops {
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> GET = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };
    private static final TextMapSetter<Map<String, String>> SET = (carrier, key, value) -> carrier.put(key, value);

    private Hops() {
    }

    /** Starts a span for a hop whose parent travelled in {@code carried}; the caller ends it. */
    public static Span start(Tracer tracer, String name, SpanKind kind, CarriedHeaders carried) {
        Context parent = W3C.extract(Context.root(), carried.values(), GET);
        return tracer.spanBuilder(name).setParent(parent).setSpanKind(kind).startSpan();
    }

    /** {@code carried} with the trace context of {@code context} in place of what it had (none when tracing is off). */
    public static CarriedHeaders handOn(Context context, CarriedHeaders carried) {
        Map<String, String> out = new HashMap<>();
        W3C.inject(context, out, SET);
        return carried.with(CarriedHeaders.TRACEPARENT, out.get(CarriedHeaders.TRACEPARENT))
                .with(CarriedHeaders.TRACESTATE, out.get(CarriedHeaders.TRACESTATE));
    }

    /** {@code carried} handed on from inside {@code span}. */
    public static CarriedHeaders handOn(Span span, CarriedHeaders carried) {
        return handOn(Context.root().with(span), carried);
    }
}
