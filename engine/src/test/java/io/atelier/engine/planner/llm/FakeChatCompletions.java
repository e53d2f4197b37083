package io.atelier.engine.planner.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for an OpenAI-compatible {@code POST /v1/chat/completions}, written from the
 * published contract: it checks every request field (method, path, Content-Type, Authorization,
 * model, messages, response_format with json_schema name/strict/schema) and answers with a chat
 * completion whose message content is the plan it was given, or with an HTTP error.
 */
final class FakeChatCompletions implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String expectedModel;
    private final String expectedKey;
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private volatile String content = "{\"operations\":[]}";
    private volatile int status = 200;

    FakeChatCompletions(String expectedModel, String expectedKey) throws IOException {
        this.expectedModel = expectedModel;
        this.expectedKey = expectedKey;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            byte[] answer;
            int code;
            try (exchange) {
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                requests.add(body);
                check("method", "POST", exchange.getRequestMethod());
                check("Content-Type", "application/json", exchange.getRequestHeaders().getFirst("Content-Type"));
                check("Authorization", "Bearer " + expectedKey, exchange.getRequestHeaders().getFirst("Authorization"));
                checkBody(body);
                if (status != 200) {
                    code = status;
                    answer = "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}".getBytes(StandardCharsets.UTF_8);
                } else {
                    code = 200;
                    answer = completion(body.path("model").asText()).getBytes(StandardCharsets.UTF_8);
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(code, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        });
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    void answerWith(String planJson) {
        this.content = planJson;
        this.status = 200;
    }

    void failWith(int status) {
        this.status = status;
    }

    List<String> problems() {
        return new ArrayList<>(problems);
    }

    List<JsonNode> requests() {
        return new ArrayList<>(requests);
    }

    private void checkBody(JsonNode body) {
        check("model", expectedModel, body.path("model").asText(null));
        JsonNode messages = body.path("messages");
        if (!messages.isArray() || messages.size() != 2) {
            problems.add("messages must be [system, user], got " + messages);
        } else {
            check("messages[0].role", "system", messages.get(0).path("role").asText(null));
            check("messages[1].role", "user", messages.get(1).path("role").asText(null));
            if (messages.get(0).path("content").asText("").isBlank() || messages.get(1).path("content").asText("").isBlank()) {
                problems.add("message contents must not be empty");
            }
        }
        JsonNode format = body.path("response_format");
        check("response_format.type", "json_schema", format.path("type").asText(null));
        JsonNode jsonSchema = format.path("json_schema");
        check("json_schema.name", ResponseSchema.NAME, jsonSchema.path("name").asText(null));
        if (!jsonSchema.path("strict").asBoolean(false)) {
            problems.add("json_schema.strict must be true");
        }
        JsonNode schema = jsonSchema.path("schema");
        if (!schema.path("properties").path("operations").path("items").has("anyOf") || schema.path("additionalProperties").asBoolean(true)) {
            problems.add("schema must describe a closed object with an operations array of the operation types");
        }
    }

    private void check(String field, String expected, String actual) {
        if (!expected.equals(actual)) {
            problems.add(field + ": expected " + expected + ", got " + actual);
        }
    }

    // The shape of a chat completion: id, object, created, model, choices[{index, message{role, content, refusal}, finish_reason}], usage.
    private String completion(String model) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", "chatcmpl-fake-1").put("object", "chat.completion").put("created", 1764300000L).put("model", model);
        ObjectNode choice = c.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant").put("content", content);
        message.putNull("refusal");
        choice.put("finish_reason", "stop");
        c.putObject("usage").put("prompt_tokens", 812).put("completion_tokens", 41).put("total_tokens", 853);
        return c.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
