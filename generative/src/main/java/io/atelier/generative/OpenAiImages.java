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
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The OpenAI-compatible Images API: {@code POST {base}/images/edits} (multipart: image, mask whose
 * transparent pixels are repainted, prompt, model, size, n, output_format) for an edit and
 * {@code POST {base}/images/generations} (JSON) for a draft; bearer key; the answer's base64 image,
 * revised prompt and token usage. Self-hosted servers that speak this API work through the base URL.
 * The JDK client is used rather than openai-java: that SDK brings Kotlin and OkHttp into the worker for
 * two calls, and retries on its own terms, where Atelier needs one retry and breaker policy for every provider.
 */
public final class OpenAiImages implements GenerativeEngine {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenAiImagesSettings settings;
    private final HttpClient http;

    public OpenAiImages(OpenAiImagesSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Override
    public String provider() {
        return "openai";
    }

    @Override
    public List<Size> acceptedSizes() {
        return settings.sizes();
    }

    @Override
    public Generation generate(GenerationRequest request) {
        HttpRequest.Builder call = request.image().isPresent() ? edit(request) : generation(request);
        HttpResponse<byte[]> answer = send(call.header("Authorization", "Bearer " + settings.apiKey()).header("Accept", "application/json")
                .timeout(settings.timeout()).build());
        return read(answer);
    }

    private HttpRequest.Builder edit(GenerationRequest request) {
        Multipart body = new Multipart().file("image", "image.png", "image/png", request.image().orElseThrow());
        request.mask().ifPresent(mask -> body.file("mask", "mask.png", "image/png", mask));
        body.field("prompt", request.prompt()).field("model", settings.model()).field("size", request.size().toString())
                .field("n", "1").field("output_format", "png");
        return HttpRequest.newBuilder(endpoint("images/edits")).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
    }

    private HttpRequest.Builder generation(GenerationRequest request) {
        ObjectNode body = JSON.createObjectNode().put("model", settings.model()).put("prompt", request.prompt())
                .put("size", request.size().toString()).put("n", 1).put("output_format", "png");
        return HttpRequest.newBuilder(endpoint("images/generations")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    private URI endpoint(String path) {
        String base = settings.baseUrl().toString();
        return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new TransientFailure("no answer within " + settings.timeout().toSeconds() + " s", Optional.empty(), Optional.empty());
        } catch (IOException e) {
            throw new TransientFailure("connection failed: " + e.getClass().getSimpleName(), Optional.empty(), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationException(GenerationException.Kind.UNAVAILABLE, "The call to openai was interrupted.",
                    "Try the step again.", Optional.empty());
        }
    }

    private Generation read(HttpResponse<byte[]> answer) {
        int status = answer.statusCode();
        byte[] raw = answer.body();
        JsonNode json = parse(raw);
        if (status / 100 != 2) {
            String message = json.path("error").path("message").asText("HTTP " + status);
            if (HttpAnswers.transientStatus(status)) {
                throw new TransientFailure("HTTP " + status + ": " + message, HttpAnswers.retryAfter(answer.headers()), Optional.of(raw));
            }
            if (refusal(json)) {
                throw new GenerationException(GenerationException.Kind.REFUSED, "openai refused this request: " + message,
                        "Rephrase the instruction (the provider's safety system rejected it); describe the change without the flagged content.",
                        Optional.of(raw));
            }
            throw new GenerationException(GenerationException.Kind.REJECTED, "openai rejected the request (HTTP " + status + "): " + message,
                    status == 401 || status == 403 ? "Check ATELIER_OPENAI_API_KEY for the render workers."
                            : "Check ATELIER_OPENAI_IMAGE_MODEL and ATELIER_OPENAI_BASE_URL for the render workers.",
                    Optional.of(raw));
        }
        JsonNode first = json.path("data").path(0);
        if (!first.hasNonNull("b64_json")) {
            throw new GenerationException(GenerationException.Kind.REJECTED, "openai answered without an image (no data[0].b64_json).",
                    "Check that ATELIER_OPENAI_BASE_URL points at an Images API.", Optional.of(raw));
        }
        byte[] image = Base64.getDecoder().decode(first.get("b64_json").asText());
        Map<String, Number> usage = new LinkedHashMap<>();
        json.path("usage").fields().forEachRemaining(e -> {
            if (e.getValue().isNumber()) {
                usage.put(e.getKey(), e.getValue().numberValue());
            }
        });
        String requestId = answer.headers().firstValue("x-request-id").orElse("created-" + json.path("created").asText("unknown"));
        Optional<String> revised = Optional.ofNullable(first.get("revised_prompt")).filter(JsonNode::isTextual).map(JsonNode::asText);
        return new Generation(image, new Provenance(provider(), settings.model(), requestId, revised, OptionalLong.empty(), usage), raw, "application/json");
    }

    private static boolean refusal(JsonNode json) {
        JsonNode error = json.path("error");
        String text = (error.path("code").asText("") + " " + error.path("type").asText("")).toLowerCase(Locale.ROOT);
        return text.contains("moderation") || text.contains("content_policy") || text.contains("safety");
    }

    private static JsonNode parse(byte[] raw) {
        try {
            return JSON.readTree(raw);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
