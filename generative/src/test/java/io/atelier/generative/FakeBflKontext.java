package io.atelier.generative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * A local server speaking BFL's FLUX Kontext contract: {@code POST /v1/flux-kontext-pro} (x-key, JSON
 * with prompt, input_image as base64, aspect_ratio from the published list, seed, output_format),
 * answered with {@code id}, {@code polling_url} and cost; {@code GET} on the polling URL says
 * {@code Pending} for a set number of polls, then {@code Ready} with {@code result.sample}, a URL of
 * the image (the input with "hands" painted in its lower half, the rest slightly altered). Prompts with
 * the moderation word end {@code Request Moderated}. Every field is checked; violations are recorded.
 */
public final class FakeBflKontext implements AutoCloseable {
    public static final String KEY = "bfl-test-key";
    private static final Set<String> RATIOS = Set.of("21:9", "16:9", "3:2", "4:3", "1:1", "3:4", "2:3", "9:16", "9:21");
    private static final Set<String> FIELDS = Set.of("prompt", "input_image", "seed", "aspect_ratio", "output_format", "safety_tolerance",
            "prompt_upsampling", "webhook_url", "webhook_secret");
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Task(String prompt, long seed, byte[] image, AtomicInteger polls, String outcome) {
    }

    private final HttpServer server;
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger ids = new AtomicInteger();
    private volatile int pendingPolls = 2;

    private FakeBflKontext(HttpServer server) {
        this.server = server;
    }

    public static FakeBflKontext start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeBflKontext fake = new FakeBflKontext(server);
            server.createContext("/v1/", fake::handle);
            server.createContext("/results/", fake::result);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** How many polls answer Pending before a task is Ready. */
    public void pendingPolls(int n) {
        pendingPolls = n;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (!KEY.equals(ex.getRequestHeaders().getFirst("x-key"))) {
                violations.add("missing or wrong x-key on " + path);
                answer(ex, 403, "{\"detail\":\"Not authenticated - Invalid Authentication\"}");
                return;
            }
            if (path.equals("/v1/get_result")) {
                poll(ex);
                return;
            }
            if (!path.equals("/v1/flux-kontext-pro") && !path.equals("/v1/flux-kontext-max")) {
                violations.add("unknown path " + path);
                answer(ex, 404, "{\"detail\":\"Not Found\"}");
                return;
            }
            List<String> wrong = new ArrayList<>();
            if (!"POST".equals(ex.getRequestMethod())) {
                wrong.add("submit is POST");
            }
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.startsWith("application/json")) {
                wrong.add("submit takes application/json");
            }
            JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
            body.fieldNames().forEachRemaining(f -> {
                if (!FIELDS.contains(f)) {
                    wrong.add("unknown field '" + f + "'");
                }
            });
            String prompt = body.path("prompt").asText("");
            if (prompt.isBlank()) {
                wrong.add("prompt is required");
            }
            if (body.has("aspect_ratio") && !RATIOS.contains(body.path("aspect_ratio").asText())) {
                wrong.add("aspect_ratio must be one of " + RATIOS);
            }
            if (body.has("output_format") && !Set.of("jpeg", "png").contains(body.path("output_format").asText())) {
                wrong.add("output_format must be jpeg or png");
            }
            if (body.has("seed") && !body.path("seed").canConvertToLong()) {
                wrong.add("seed must be an integer");
            }
            byte[] image = null;
            if (body.has("input_image")) {
                try {
                    image = Base64.getDecoder().decode(body.path("input_image").asText());
                    if (ImageIO.read(new ByteArrayInputStream(image)) == null) {
                        wrong.add("input_image is not an image");
                    }
                } catch (IllegalArgumentException e) {
                    wrong.add("input_image must be base64");
                }
            }
            if (!wrong.isEmpty()) {
                violations.addAll(wrong);
                answer(ex, 422, JSON.createObjectNode().put("detail", String.join("; ", wrong)).toString());
                return;
            }
            String id = "task-" + ids.incrementAndGet();
            String outcome = prompt.toLowerCase(java.util.Locale.ROOT).contains(FakeOpenAiImages.FORBIDDEN) ? "Request Moderated" : "Ready";
            tasks.put(id, new Task(prompt, body.path("seed").asLong(42), image, new AtomicInteger(), outcome));
            ObjectNode out = JSON.createObjectNode().put("id", id).put("polling_url", baseUrl() + "/v1/get_result?id=" + id)
                    .put("cost", 4.0).put("input_mp", 1.02).put("output_mp", 1.04);
            answer(ex, 200, out.toString());
        }
    }

    private void poll(HttpExchange ex) throws IOException {
        String query = ex.getRequestURI().getQuery();
        String id = query == null ? "" : query.replaceFirst("^id=", "");
        Task task = tasks.get(id);
        ObjectNode out = JSON.createObjectNode().put("id", id);
        if (task == null) {
            answer(ex, 200, out.put("status", "Task not found").toString());
            return;
        }
        if (task.polls().incrementAndGet() <= pendingPolls) {
            answer(ex, 200, out.put("status", "Pending").put("progress", 0.5).toString());
            return;
        }
        out.put("status", task.outcome());
        if (task.outcome().equals("Ready")) {
            out.putObject("result").put("sample", baseUrl() + "/results/" + id + ".png").put("prompt", task.prompt()).put("seed", task.seed());
        } else {
            out.putObject("details").putArray("Moderation Reasons").add("Violence");
        }
        answer(ex, 200, out.toString());
    }

    private void result(HttpExchange ex) throws IOException {
        try (ex) {
            String id = ex.getRequestURI().getPath().replaceFirst("^/results/", "").replaceFirst("\\.png$", "");
            Task task = tasks.get(id);
            if (task == null) {
                answer(ex, 404, "{}");
                return;
            }
            BufferedImage in = task.image() == null ? FakeOpenAiImages.draft(1024, 1024, task.prompt())
                    : ImageIO.read(new ByteArrayInputStream(task.image()));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(FakeOpenAiImages.repaint(in, null), "png", png);
            ex.getResponseHeaders().add("Content-Type", "image/png");
            ex.sendResponseHeaders(200, png.size());
            ex.getResponseBody().write(png.toByteArray());
        }
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }
}
