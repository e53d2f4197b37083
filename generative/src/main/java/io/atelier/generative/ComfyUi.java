package io.atelier.generative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.atelier.engine.generative.Generation;
import io.atelier.engine.generative.GenerationException;
import io.atelier.engine.generative.GenerationRequest;
import io.atelier.engine.generative.GenerativeEngine;
import io.atelier.engine.generative.Provenance;
import io.atelier.engine.generative.Size;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * A self-hosted ComfyUI server: the image is uploaded ({@code POST /upload/image}) and the mask laid into
 * its alpha ({@code POST /upload/mask} with {@code original_ref}; ComfyUI's LoadImage reads transparent
 * as "repaint", the same convention as the engine's mask), a workflow template is queued with the prompt,
 * image, seed and size filled in ({@code POST /prompt}), {@code /history/{prompt_id}} is polled until the
 * run succeeds or fails, and the saved image is fetched with {@code /view}. ComfyUI has no keys; put it
 * behind your own network boundary. A run that outlasts the timeout is taken off the queue and interrupted,
 * not retried: a GPU that is slow now would only get a second copy of the work.
 */
public final class ComfyUi implements GenerativeEngine {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBFOLDER = "atelier";

    private final ComfyUiSettings settings;
    private final HttpClient http;
    private final Resilient.Sleeper sleeper;
    private final String clientId = "atelier-" + UUID.randomUUID();
    private final SecureRandom seeds = new SecureRandom();

    public ComfyUi(ComfyUiSettings settings) {
        this(settings, d -> Thread.sleep(d.toMillis()));
    }

    public ComfyUi(ComfyUiSettings settings, Resilient.Sleeper sleeper) {
        this.settings = settings;
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    }

    @Override
    public String provider() {
        return "comfyui";
    }

    @Override
    public List<Size> acceptedSizes() {
        return settings.sizes();
    }

    @Override
    public Generation generate(GenerationRequest request) {
        long seed = request.seed().orElseGet(() -> seeds.nextLong() & 0xFFFF_FFFF_FFFFL);
        ComfyWorkflow workflow = request.image().isPresent() ? settings.inpaint() : settings.textToImage();
        Map<String, com.fasterxml.jackson.databind.JsonNode> values = new java.util.HashMap<>(Map.of(
                ComfyWorkflow.PROMPT, TextNode.valueOf(request.prompt()), ComfyWorkflow.SEED, LongNode.valueOf(seed),
                ComfyWorkflow.WIDTH, IntNode.valueOf(request.size().width()), ComfyWorkflow.HEIGHT, IntNode.valueOf(request.size().height()),
                ComfyWorkflow.CHECKPOINT, TextNode.valueOf(settings.checkpoint())));
        request.image().ifPresent(png -> values.put(ComfyWorkflow.IMAGE, TextNode.valueOf(upload(png, request.mask()))));
        ObjectNode body = JSON.createObjectNode();
        body.set("prompt", workflow.fill(values));
        body.put("client_id", clientId);
        HttpResponse<byte[]> queued = send(HttpRequest.newBuilder(endpoint("prompt")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).timeout(Duration.ofSeconds(60)).build());
        JsonNode answer = parse(queued.body());
        if (queued.statusCode() / 100 != 2) {
            throw refusedPrompt(queued, answer, workflow);
        }
        String promptId = answer.path("prompt_id").asText("");
        if (promptId.isEmpty()) {
            throw new GenerationException(GenerationException.Kind.REJECTED, "comfyui queued the workflow but sent no prompt_id.",
                    "Check that ATELIER_COMFYUI_URL points at a ComfyUI server.", Optional.of(queued.body()));
        }
        JsonNode entry = await(promptId, queued.body());
        byte[] transcript = (new String(queued.body(), StandardCharsets.UTF_8) + "\n" + entry).getBytes(StandardCharsets.UTF_8);
        byte[] image = fetchOutput(entry, transcript);
        String model = workflow.fixedCheckpoint().orElse(settings.checkpoint());
        return new Generation(image, new Provenance(provider(), model, promptId, Optional.empty(), OptionalLong.of(seed), Map.of()),
                transcript, "application/json");
    }

    /** Uploads the image, then the mask into its alpha; returns the name LoadImage reads ("atelier/…png"). */
    private String upload(byte[] png, Optional<byte[]> mask) {
        String base = "atelier-" + UUID.randomUUID();
        JsonNode image = uploaded("upload/image", new Multipart().file("image", base + ".png", "image/png", png)
                .field("overwrite", "true").field("type", "input").field("subfolder", SUBFOLDER));
        // no mask: all transparent, so the whole image may be repainted (the engine then commits only what changed)
        byte[] maskPng = mask.orElseGet(() -> transparentLike(png));
        ObjectNode original = JSON.createObjectNode().put("filename", image.path("name").asText()).put("subfolder", image.path("subfolder").asText(""))
                .put("type", image.path("type").asText("input"));
        JsonNode masked = uploaded("upload/mask", new Multipart().file("image", base + "-mask.png", "image/png", maskPng)
                .field("original_ref", original.toString()).field("overwrite", "true").field("type", "input").field("subfolder", SUBFOLDER));
        String folder = masked.path("subfolder").asText("");
        return folder.isEmpty() ? masked.path("name").asText() : folder + "/" + masked.path("name").asText();
    }

    private JsonNode uploaded(String path, Multipart form) {
        HttpResponse<byte[]> answer = send(HttpRequest.newBuilder(endpoint(path)).header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).timeout(Duration.ofSeconds(60)).build());
        if (answer.statusCode() / 100 != 2) {
            if (HttpAnswers.transientStatus(answer.statusCode())) {
                throw new TransientFailure("/" + path + " answered HTTP " + answer.statusCode(), HttpAnswers.retryAfter(answer.headers()),
                        Optional.of(answer.body()));
            }
            throw new GenerationException(GenerationException.Kind.REJECTED, "comfyui refused the upload to /" + path + " (HTTP "
                    + answer.statusCode() + ").", "Check ATELIER_COMFYUI_URL and the server's input directory.", Optional.of(answer.body()));
        }
        JsonNode json = parse(answer.body());
        if (!json.path("name").isTextual()) {
            throw new GenerationException(GenerationException.Kind.REJECTED, "comfyui's /" + path + " answered without a file name.",
                    "Check that ATELIER_COMFYUI_URL points at a ComfyUI server.", Optional.of(answer.body()));
        }
        return json;
    }

    // 400 from /prompt: the graph did not validate (missing model, unknown node, bad value); ComfyUI says which node and why
    private GenerationException refusedPrompt(HttpResponse<byte[]> answer, JsonNode json, ComfyWorkflow workflow) {
        if (HttpAnswers.transientStatus(answer.statusCode())) {
            throw new TransientFailure("/prompt answered HTTP " + answer.statusCode(), HttpAnswers.retryAfter(answer.headers()),
                    Optional.of(answer.body()));
        }
        StringBuilder reason = new StringBuilder("comfyui refused the workflow " + workflow.name() + ": ")
                .append(json.path("error").path("message").asText("HTTP " + answer.statusCode()));
        String details = json.path("error").path("details").asText("");
        if (!details.isEmpty()) {
            reason.append(" (").append(details).append(')');
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = json.path("node_errors").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> node = it.next();
            for (JsonNode error : node.getValue().path("errors")) {
                reason.append("; node ").append(node.getKey()).append(" (").append(node.getValue().path("class_type").asText("?")).append("): ")
                        .append(error.path("message").asText()).append(error.path("details").asText("").isEmpty() ? "" : ": " + error.path("details").asText());
            }
        }
        return new GenerationException(GenerationException.Kind.REJECTED, reason.toString(),
                "Check the workflow template (ATELIER_COMFYUI_INPAINT_WORKFLOW / ATELIER_COMFYUI_DRAFT_WORKFLOW) and that the models it names, "
                        + "such as ATELIER_COMFYUI_CHECKPOINT, are installed on the ComfyUI server.",
                Optional.of(answer.body()));
    }

    /** Polls /history/{id} until the run is done; its history entry. */
    private JsonNode await(String promptId, byte[] queued) {
        try {
            return poll(promptId, queued);
        } catch (RuntimeException e) {
            if (Thread.interrupted()) {
                // the step was cancelled: take the run off the queue and the GPU too, then let the interruption go on
                try {
                    cancel(promptId);
                } finally {
                    Thread.currentThread().interrupt();
                }
            }
            throw e;
        }
    }

    private JsonNode poll(String promptId, byte[] queued) {
        Instant deadline = Instant.now().plus(settings.timeout());
        while (true) {
            pause();
            HttpResponse<byte[]> polled = send(HttpRequest.newBuilder(endpoint("history/" + promptId)).GET().timeout(Duration.ofSeconds(30)).build());
            if (polled.statusCode() / 100 != 2) {
                throw new TransientFailure("/history answered HTTP " + polled.statusCode(), Optional.empty(), Optional.of(polled.body()));
            }
            JsonNode entry = parse(polled.body()).path(promptId);
            String status = entry.path("status").path("status_str").asText("");
            if (status.equals("error")) {
                throw failedRun(promptId, entry, polled.body());
            }
            if (entry.path("status").path("completed").asBoolean(false) || (status.equals("success") && entry.path("outputs").size() > 0)) {
                return entry;
            }
            if (Instant.now().isAfter(deadline)) {
                cancel(promptId);
                throw new GenerationException(GenerationException.Kind.UNAVAILABLE, "comfyui did not finish the workflow within "
                        + settings.timeout().toSeconds() + " s (" + (entry.isMissingNode() ? "still queued or running" : "status " + status)
                        + "); it was taken off the queue.", "Try again when the ComfyUI server is less busy, or raise ATELIER_COMFYUI_TIMEOUT.",
                        Optional.of(queued));
            }
        }
    }

    private GenerationException failedRun(String promptId, JsonNode entry, byte[] raw) {
        for (JsonNode message : entry.path("status").path("messages")) {
            String kind = message.path(0).asText();
            JsonNode data = message.path(1);
            if (kind.equals("execution_error")) {
                return new GenerationException(GenerationException.Kind.REJECTED, "comfyui failed running node " + data.path("node_id").asText("?")
                        + " (" + data.path("node_type").asText("?") + "): " + data.path("exception_type").asText("error") + ": "
                        + data.path("exception_message").asText("").strip() + " [prompt " + promptId + "]",
                        "Check the ComfyUI server (its log names the cause: memory, a missing model); the step can be tried again.", Optional.of(raw));
            }
            if (kind.equals("execution_interrupted")) {
                return new GenerationException(GenerationException.Kind.UNAVAILABLE, "comfyui's run was interrupted on the server [prompt " + promptId + "].",
                        "Try the step again.", Optional.of(raw));
            }
        }
        return new GenerationException(GenerationException.Kind.REJECTED, "comfyui reported an error without details [prompt " + promptId + "].",
                "Check the ComfyUI server's log.", Optional.of(raw));
    }

    // Off the queue if still waiting, interrupted if running: best effort, the failure is reported either way.
    private void cancel(String promptId) {
        for (var call : List.of(Map.entry("queue", JSON.createObjectNode().set("delete", JSON.createArrayNode().add(promptId))),
                Map.entry("interrupt", JSON.createObjectNode().put("prompt_id", promptId)))) {
            try {
                http.send(HttpRequest.newBuilder(endpoint(call.getKey())).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(call.getValue().toString())).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                // the server is unreachable: nothing to cancel from here
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The first saved image of the run (an output node's {@code type: output}, else any image), read with /view. */
    private byte[] fetchOutput(JsonNode entry, byte[] transcript) {
        JsonNode chosen = null;
        for (JsonNode output : entry.path("outputs")) {
            for (JsonNode image : output.path("images")) {
                if (chosen == null || (image.path("type").asText().equals("output") && !chosen.path("type").asText().equals("output"))) {
                    chosen = image;
                }
            }
        }
        if (chosen == null) {
            throw new GenerationException(GenerationException.Kind.REJECTED, "comfyui finished the workflow without an output image.",
                    "The workflow template needs a SaveImage node.", Optional.of(transcript));
        }
        String query = "filename=" + enc(chosen.path("filename").asText()) + "&subfolder=" + enc(chosen.path("subfolder").asText(""))
                + "&type=" + enc(chosen.path("type").asText("output"));
        HttpResponse<byte[]> image = send(HttpRequest.newBuilder(endpoint("view?" + query)).GET().timeout(Duration.ofSeconds(60)).build());
        if (image.statusCode() / 100 != 2) {
            throw new TransientFailure("/view answered HTTP " + image.statusCode(), Optional.empty(), Optional.of(transcript));
        }
        return image.body();
    }

    private static byte[] transparentLike(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            BufferedImage mask = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(mask, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private URI endpoint(String path) {
        String base = settings.url().toString().replaceAll("/+$", "");
        return URI.create(base + "/" + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new TransientFailure("no answer in time from " + request.uri().getPath(), Optional.empty(), Optional.empty());
        } catch (IOException e) {
            throw new TransientFailure("connection failed: " + e.getClass().getSimpleName(), Optional.empty(), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationException(GenerationException.Kind.UNAVAILABLE, "The call to comfyui was interrupted.", "Try the step again.",
                    Optional.empty());
        }
    }

    private void pause() {
        try {
            sleeper.sleep(settings.pollEvery());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationException(GenerationException.Kind.UNAVAILABLE, "Waiting for comfyui was interrupted.", "Try the step again.",
                    Optional.empty());
        }
    }

    private static JsonNode parse(byte[] raw) {
        try {
            JsonNode json = JSON.readTree(raw);
            return json == null ? JSON.createObjectNode() : json;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
