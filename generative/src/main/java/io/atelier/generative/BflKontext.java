package io.atelier.generative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.engine.generative.Generation;
import io.atelier.engine.generative.GenerationException;
import io.atelier.engine.generative.GenerationRequest;
import io.atelier.engine.generative.GenerativeEngine;
import io.atelier.engine.generative.Provenance;
import io.atelier.engine.generative.Size;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * BFL FLUX Kontext, the submit-then-poll style: {@code POST {base}/v1/{model}} with the prompt, the
 * input image as base64, the aspect ratio and a seed (Kontext takes one), header {@code x-key}; the
 * answer's {@code polling_url} is polled until {@code status} is {@code Ready} (image at
 * {@code result.sample}, fetched at once: it expires in minutes) or a terminal failure: {@code Error},
 * {@code Request Moderated}, {@code Content Moderated}, {@code Task not found}. Kontext takes no mask:
 * the engine commits only what changed inside the region, so a mask is not needed for the promise.
 */
public final class BflKontext implements GenerativeEngine {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BflKontextSettings settings;
    private final HttpClient http;
    private final Resilient.Sleeper sleeper;

    public BflKontext(BflKontextSettings settings) {
        this(settings, d -> Thread.sleep(d.toMillis()));
    }

    public BflKontext(BflKontextSettings settings, Resilient.Sleeper sleeper) {
        this.settings = settings;
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    }

    @Override
    public String provider() {
        return "bfl";
    }

    @Override
    public List<Size> acceptedSizes() {
        return BflKontextSettings.SIZES;
    }

    @Override
    public Generation generate(GenerationRequest request) {
        ObjectNode body = JSON.createObjectNode().put("prompt", request.prompt()).put("aspect_ratio", ratio(request.size()))
                .put("output_format", "png");
        request.image().ifPresent(png -> body.put("input_image", Base64.getEncoder().encodeToString(png)));
        request.seed().ifPresent(seed -> body.put("seed", seed));
        String base = settings.baseUrl().toString().replaceAll("/+$", "");
        HttpResponse<byte[]> submitted = send(HttpRequest.newBuilder(URI.create(base + "/v1/" + settings.model()))
                .header("x-key", settings.apiKey()).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).timeout(Duration.ofSeconds(60)).build());
        JsonNode task = check(submitted);
        String id = task.path("id").asText("");
        String pollingUrl = task.path("polling_url").asText("");
        if (id.isEmpty() || pollingUrl.isEmpty()) {
            throw new GenerationException(GenerationException.Kind.REJECTED, "bfl accepted the request but sent no id or polling_url.",
                    "Check ATELIER_BFL_BASE_URL.", Optional.of(submitted.body()));
        }
        Instant deadline = Instant.now().plus(settings.timeout());
        ByteArrayOutputStream transcript = new ByteArrayOutputStream();
        transcript.writeBytes(submitted.body());
        while (true) {
            pause();
            HttpResponse<byte[]> polled = send(HttpRequest.newBuilder(URI.create(pollingUrl)).header("x-key", settings.apiKey())
                    .header("Accept", "application/json").GET().timeout(Duration.ofSeconds(30)).build());
            JsonNode state = check(polled);
            String status = state.path("status").asText("");
            switch (status) {
                case "Ready" -> {
                    transcript.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
                    transcript.writeBytes(polled.body());
                    return ready(task, state, id, transcript.toByteArray());
                }
                case "Request Moderated", "Content Moderated" -> throw new GenerationException(GenerationException.Kind.REFUSED,
                        "bfl refused this request (" + status + ")" + details(state) + ".",
                        "Rephrase the instruction; the provider's moderation rejected it.", Optional.of(polled.body()));
                case "Error", "Task not found" -> throw new GenerationException(GenerationException.Kind.UNAVAILABLE,
                        "bfl could not finish the task (" + status + ")" + details(state) + ".", "Try the step again.", Optional.of(polled.body()));
                default -> {
                    if (Instant.now().isAfter(deadline)) {
                        throw new TransientFailure("still " + status + " after " + settings.timeout().toSeconds() + " s", Optional.empty(),
                                Optional.of(polled.body()));
                    }
                }
            }
        }
    }

    private Generation ready(JsonNode task, JsonNode state, String id, byte[] transcript) {
        String sample = state.path("result").path("sample").asText("");
        if (sample.isEmpty()) {
            throw new GenerationException(GenerationException.Kind.REJECTED, "bfl said Ready without result.sample.", "Try the step again.",
                    Optional.of(transcript));
        }
        HttpResponse<byte[]> image = send(HttpRequest.newBuilder(URI.create(sample)).GET().timeout(Duration.ofSeconds(60)).build());
        if (image.statusCode() / 100 != 2) {
            throw new TransientFailure("result image answered HTTP " + image.statusCode(), Optional.empty(), Optional.of(transcript));
        }
        Map<String, Number> usage = new LinkedHashMap<>();
        for (String field : List.of("cost", "input_mp", "output_mp")) {
            if (task.path(field).isNumber()) {
                usage.put(field, task.path(field).numberValue());
            }
        }
        JsonNode seed = state.path("result").path("seed");
        Optional<String> revised = Optional.ofNullable(state.path("result").get("prompt")).filter(JsonNode::isTextual).map(JsonNode::asText);
        return new Generation(image.body(), new Provenance(provider(), settings.model(), id, revised,
                seed.canConvertToLong() ? OptionalLong.of(seed.asLong()) : OptionalLong.empty(), usage), transcript, "application/json");
    }

    private JsonNode check(HttpResponse<byte[]> answer) {
        int status = answer.statusCode();
        JsonNode json;
        try {
            json = JSON.readTree(answer.body());
        } catch (IOException e) {
            json = JSON.createObjectNode();
        }
        if (status / 100 == 2) {
            return json;
        }
        String detail = json.path("detail").isTextual() ? json.path("detail").asText() : json.path("detail").toString();
        if (HttpAnswers.transientStatus(status)) {
            throw new TransientFailure("HTTP " + status + ": " + detail, HttpAnswers.retryAfter(answer.headers()), Optional.of(answer.body()));
        }
        throw new GenerationException(GenerationException.Kind.REJECTED, "bfl rejected the request (HTTP " + status + "): " + detail,
                status == 401 || status == 403 ? "Check ATELIER_BFL_API_KEY for the render workers." : "Check the BFL settings of the render workers.",
                Optional.of(answer.body()));
    }

    private static String details(JsonNode state) {
        JsonNode d = state.path("details");
        return d.isMissingNode() || d.isNull() ? "" : ": " + d;
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new TransientFailure("no answer in time", Optional.empty(), Optional.empty());
        } catch (IOException e) {
            throw new TransientFailure("connection failed: " + e.getClass().getSimpleName(), Optional.empty(), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationException(GenerationException.Kind.UNAVAILABLE, "The call to bfl was interrupted.", "Try the step again.",
                    Optional.empty());
        }
    }

    private void pause() {
        try {
            sleeper.sleep(settings.pollEvery());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationException(GenerationException.Kind.UNAVAILABLE, "Waiting for bfl was interrupted.", "Try the step again.",
                    Optional.empty());
        }
    }

    /** "3:2" for 1248x832: the ratio Kontext takes instead of a size. */
    static String ratio(Size size) {
        double r = (double) size.width() / size.height();
        String[] known = {"21:9", "16:9", "3:2", "4:3", "1:1", "3:4", "2:3", "9:16", "9:21"};
        String best = "1:1";
        double bestErr = Double.MAX_VALUE;
        for (String k : known) {
            String[] p = k.split(":");
            double err = Math.abs(Math.log(Double.parseDouble(p[0]) / Double.parseDouble(p[1])) - Math.log(r));
            if (err < bestErr) {
                bestErr = err;
                best = k;
            }
        }
        return best;
    }
}
