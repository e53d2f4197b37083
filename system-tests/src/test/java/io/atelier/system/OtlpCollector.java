package io.atelier.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * A stand-in for an OpenTelemetry collector's OTLP/HTTP traces receiver (we run no collector here), written from the
 * protocol's published contract: POST {@code /v1/traces}, {@code Content-Type: application/x-protobuf}, a body that is
 * an {@code ExportTraceServiceRequest} (optionally gzip-encoded), answered 200 with an empty
 * {@code ExportTraceServiceResponse}. Anything else is refused with the status the spec names and remembered as a
 * protocol error, so a test can assert there were none. Spans are kept flattened, with their service's name.
 */
final class OtlpCollector implements AutoCloseable {
    static final String PATH = "/v1/traces";
    private static final String PROTOBUF = "application/x-protobuf";

    /** One received span: ids as lower-case hex (the parent empty for a root), its name, kind and string attributes. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, String kind,
                        Map<String, String> attributes) {
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
    private final List<String> protocolErrors = new CopyOnWriteArrayList<>();

    private OtlpCollector(HttpServer server) {
        this.server = server;
    }

    static OtlpCollector start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        OtlpCollector collector = new OtlpCollector(server);
        server.createContext("/", collector::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        return collector;
    }

    /** The base URL to give an exporter as its traces endpoint. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    List<String> protocolErrors() {
        return List.copyOf(protocolErrors);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String problem = check(exchange);
            if (problem != null) {
                protocolErrors.add(problem);
                byte[] body = problem.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(problem.startsWith("405") ? 405 : problem.startsWith("404") ? 404 : 400, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            ExportTraceServiceRequest request;
            try (InputStream in = body(exchange)) {
                request = ExportTraceServiceRequest.parseFrom(in);
            } catch (IOException e) {
                protocolErrors.add("400 body is not an ExportTraceServiceRequest: " + e.getMessage());
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
                String service = attribute(resourceSpans.getResource(), "service.name");
                for (ScopeSpans scope : resourceSpans.getScopeSpansList()) {
                    for (io.opentelemetry.proto.trace.v1.Span span : scope.getSpansList()) {
                        spans.add(received(service, span));
                    }
                }
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", PROTOBUF);
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    // what the contract requires of a request, or null when it is one
    private static String check(HttpExchange exchange) {
        if (!exchange.getRequestURI().getPath().equals(PATH)) {
            return "404 path " + exchange.getRequestURI().getPath() + " is not " + PATH;
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            return "405 method " + exchange.getRequestMethod();
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith(PROTOBUF)) {
            return "400 content type " + type + " is not " + PROTOBUF;
        }
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        if (encoding != null && !encoding.equals("gzip") && !encoding.equals("identity")) {
            return "400 content encoding " + encoding;
        }
        return null;
    }

    private static InputStream body(HttpExchange exchange) throws IOException {
        return "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody();
    }

    private static ReceivedSpan received(String service, io.opentelemetry.proto.trace.v1.Span span) {
        HexFormat hex = HexFormat.of();
        Map<String, String> attributes = span.getAttributesList().stream()
                .filter(kv -> kv.getValue().hasStringValue())
                .collect(Collectors.toUnmodifiableMap(KeyValue::getKey, kv -> kv.getValue().getStringValue(), (a, b) -> a));
        return new ReceivedSpan(service, hex.formatHex(span.getTraceId().toByteArray()), hex.formatHex(span.getSpanId().toByteArray()),
                hex.formatHex(span.getParentSpanId().toByteArray()), span.getName(), span.getKind().name(), attributes);
    }

    private static String attribute(Resource resource, String key) {
        return resource.getAttributesList().stream().filter(kv -> kv.getKey().equals(key)).map(KeyValue::getValue)
                .map(AnyValue::getStringValue).findFirst().orElse("");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
