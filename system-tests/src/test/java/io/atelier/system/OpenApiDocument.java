package io.atelier.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A service's OpenAPI document as its build wrote it (the one the test clients are generated from). */
record OpenApiDocument(String service, JsonNode root) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static OpenApiDocument built(String module) {
        Path file = Path.of(System.getProperty("atelier.root", "..")).resolve(module).resolve("target/openapi/openapi.json");
        try {
            return new OpenApiDocument(module, JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("the build did not write " + file, e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One documented operation. */
    record Op(String service, String path, String method, JsonNode node) {
        String id() {
            return node.path("operationId").asText();
        }

        Set<Integer> statuses() {
            Set<Integer> out = new TreeSet<>();
            node.path("responses").fieldNames().forEachRemaining(s -> out.add(Integer.parseInt(s)));
            return out;
        }

        JsonNode response(int status) {
            return node.path("responses").path(Integer.toString(status));
        }

        /** The problem types (slugs) documented for a status: the examples of its problem+json content. */
        Set<String> problems(int status) {
            Set<String> out = new TreeSet<>();
            response(status).path("content").path("application/problem+json").path("examples").fieldNames().forEachRemaining(out::add);
            return out;
        }

        @Override
        public String toString() {
            return service + " " + method.toUpperCase() + " " + path + " (" + id() + ")";
        }
    }

    List<Op> operations() {
        List<Op> out = new ArrayList<>();
        root.path("paths").fields().forEachRemaining(p -> p.getValue().fields()
                .forEachRemaining(m -> out.add(new Op(service, p.getKey(), m.getKey(), m.getValue()))));
        return out;
    }

    Op operation(String operationId) {
        return operations().stream().filter(o -> o.id().equals(operationId)).findFirst()
                .orElseThrow(() -> new AssertionError(service + " documents no operation " + operationId));
    }

    JsonNode schema(String name) {
        return root.path("components").path("schemas").path(name);
    }
}
