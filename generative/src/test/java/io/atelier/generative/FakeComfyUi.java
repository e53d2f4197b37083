package io.atelier.generative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * A local server speaking ComfyUI's HTTP contract (server.py): {@code POST /upload/image} and
 * {@code /upload/mask} (multipart {@code image}, {@code overwrite}, {@code type}, {@code subfolder}; for a
 * mask {@code original_ref}, whose image gets the mask's alpha, as ComfyUI does), {@code POST /prompt}
 * ({@code {prompt, client_id}}, the graph validated like ComfyUI: known node types, links to existing
 * outputs, LoadImage naming an uploaded file, an output node; 400 with {@code error} and
 * {@code node_errors} otherwise), {@code GET /history/{id}} (empty while queued, then the entry with
 * {@code outputs} and {@code status}), {@code GET /view}, and {@code POST /queue} / {@code /interrupt}.
 * It "runs" a workflow by painting "hands" where LoadImage's alpha is transparent (the rest slightly
 * lifted, as a VAE round trip leaves it) or, for text-to-image, a drawn cup at EmptyLatentImage's size.
 * A prompt containing {@value #CRASH} fails in KSampler with an out-of-memory error, as a real GPU can.
 * Every request is checked; violations are recorded.
 */
public final class FakeComfyUi implements AutoCloseable {
    public static final String CHECKPOINT = "sd_xl_base_1.0.safetensors";
    public static final String CRASH = "crash the gpu";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Set<String>> NODES = Map.of(
            "CheckpointLoaderSimple", Set.of("ckpt_name"),
            "LoadImage", Set.of("image"),
            "CLIPTextEncode", Set.of("text", "clip"),
            "VAEEncodeForInpaint", Set.of("pixels", "vae", "mask", "grow_mask_by"),
            "EmptyLatentImage", Set.of("width", "height", "batch_size"),
            "KSampler", Set.of("model", "positive", "negative", "latent_image", "seed", "steps", "cfg", "sampler_name", "scheduler", "denoise"),
            "VAEDecode", Set.of("samples", "vae"),
            "SaveImage", Set.of("images", "filename_prefix"));
    private static final Map<String, Integer> OUTPUTS = Map.of("CheckpointLoaderSimple", 3, "LoadImage", 2, "CLIPTextEncode", 1,
            "VAEEncodeForInpaint", 1, "EmptyLatentImage", 1, "KSampler", 1, "VAEDecode", 1, "SaveImage", 0);

    private record Run(String id, int number, JsonNode prompt, AtomicInteger polls, ObjectNode entry) {
    }

    private final HttpServer server;
    private final Map<String, BufferedImage> files = new ConcurrentHashMap<>(); // "type/subfolder/name"
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<String> cancelled = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger numbers = new AtomicInteger();
    private volatile int pendingPolls = 2;
    private volatile boolean neverFinish;

    private FakeComfyUi(HttpServer server) {
        this.server = server;
    }

    public static FakeComfyUi start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeComfyUi fake = new FakeComfyUi(server);
            server.createContext("/", fake::route);
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

    /** The endpoints called, in order ("upload/image", "prompt", "history", "view", …). */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** Prompt ids removed from the queue or interrupted. */
    public List<String> cancelled() {
        return List.copyOf(cancelled);
    }

    /** How many history polls see nothing (still queued) before a run is done. */
    public void pendingPolls(int n) {
        pendingPolls = n;
    }

    /** Runs stay queued for ever (a busy GPU), for timeout tests. */
    public void neverFinish(boolean never) {
        neverFinish = never;
    }

    /** The graph queued last, as received. */
    public JsonNode lastPrompt() {
        return runs.values().stream().max(java.util.Comparator.comparingInt(Run::number)).map(Run::prompt).orElseThrow();
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void route(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath().replaceFirst("^/api/", "/");
            String method = ex.getRequestMethod();
            if (path.equals("/upload/image") && method.equals("POST")) {
                calls.add("upload/image");
                upload(ex, false);
            } else if (path.equals("/upload/mask") && method.equals("POST")) {
                calls.add("upload/mask");
                upload(ex, true);
            } else if (path.equals("/prompt") && method.equals("POST")) {
                calls.add("prompt");
                prompt(ex);
            } else if (path.startsWith("/history/") && method.equals("GET")) {
                calls.add("history");
                history(ex, path.substring("/history/".length()));
            } else if (path.equals("/view") && method.equals("GET")) {
                calls.add("view");
                view(ex);
            } else if ((path.equals("/queue") || path.equals("/interrupt")) && method.equals("POST")) {
                calls.add(path.substring(1));
                cancel(ex, path.substring(1));
            } else {
                violations.add("no such route: " + method + " " + path);
                answer(ex, 404, "404: Not Found");
            }
        }
    }

    private void upload(HttpExchange ex, boolean mask) throws IOException {
        Map<String, MultipartParts.Part> parts;
        try {
            parts = MultipartParts.parse(ex.getRequestHeaders().getFirst("Content-Type"), ex.getRequestBody().readAllBytes());
        } catch (IllegalArgumentException e) {
            violations.add("upload: " + e.getMessage());
            answer(ex, 400, "");
            return;
        }
        List<String> wrong = new ArrayList<>();
        Set<String> allowed = mask ? Set.of("image", "overwrite", "type", "subfolder", "original_ref") : Set.of("image", "overwrite", "type", "subfolder");
        parts.keySet().stream().filter(p -> !allowed.contains(p)).forEach(p -> wrong.add("unknown part '" + p + "'"));
        MultipartParts.Part file = parts.get("image");
        if (file == null || file.filename() == null || file.filename().isEmpty()) {
            wrong.add("the file goes in part 'image' with a filename");
        }
        String overwrite = text(parts, "overwrite", "false");
        if (!Set.of("true", "1", "false", "0").contains(overwrite)) {
            wrong.add("overwrite is true/1 or false");
        }
        String type = text(parts, "type", "input");
        if (!Set.of("input", "temp", "output").contains(type)) {
            wrong.add("type is input, temp or output, got " + type);
        }
        String subfolder = text(parts, "subfolder", "");
        if (subfolder.startsWith("/") || subfolder.contains("..")) {
            wrong.add("subfolder must stay inside the upload directory");
        }
        BufferedImage image = file == null ? null : decode(file.content());
        if (file != null && image == null) {
            wrong.add("the uploaded file is not an image");
        }
        BufferedImage stored = image;
        if (mask && wrong.isEmpty()) {
            JsonNode ref = JSON.createObjectNode();
            try {
                ref = JSON.readTree(text(parts, "original_ref", ""));
            } catch (IOException e) {
                wrong.add("original_ref must be JSON");
            }
            // ComfyUI resolves a reference without a type in the output directory: the uploaded original needs "type": "input"
            String original = ref.path("type").asText("output") + "/" + ref.path("subfolder").asText("") + "/" + ref.path("filename").asText("");
            BufferedImage base = files.get(original);
            if (base == null) {
                wrong.add("original_ref names no uploaded file: " + ref);
            } else if (!image.getColorModel().hasAlpha()) {
                wrong.add("a mask needs an alpha channel (ComfyUI copies only the alpha)");
            } else if (base.getWidth() != image.getWidth() || base.getHeight() != image.getHeight()) {
                wrong.add("mask " + image.getWidth() + "x" + image.getHeight() + " does not match its original " + base.getWidth() + "x" + base.getHeight());
            } else {
                stored = new BufferedImage(base.getWidth(), base.getHeight(), BufferedImage.TYPE_INT_ARGB);
                for (int y = 0; y < base.getHeight(); y++) {
                    for (int x = 0; x < base.getWidth(); x++) {
                        stored.setRGB(x, y, (image.getRGB(x, y) & 0xFF000000) | (base.getRGB(x, y) & 0xFFFFFF));
                    }
                }
            }
        }
        if (!wrong.isEmpty()) {
            violations.addAll(wrong);
            answer(ex, 400, "");
            return;
        }
        files.put(type + "/" + subfolder + "/" + file.filename(), stored);
        json(ex, 200, JSON.createObjectNode().put("name", file.filename()).put("subfolder", subfolder).put("type", type));
    }

    private void prompt(HttpExchange ex) throws IOException {
        JsonNode body;
        try {
            body = JSON.readTree(ex.getRequestBody().readAllBytes());
        } catch (IOException e) {
            violations.add("/prompt body is not JSON");
            answer(ex, 400, "");
            return;
        }
        List<String> wrong = new ArrayList<>();
        body.fieldNames().forEachRemaining(f -> {
            if (!Set.of("prompt", "client_id", "extra_data", "number", "front", "prompt_id").contains(f)) {
                wrong.add("unknown field '" + f + "' in /prompt");
            }
        });
        if (!body.path("client_id").isTextual()) {
            wrong.add("client_id should name the client (Atelier sends one)");
        }
        if (!body.path("prompt").isObject()) {
            violations.addAll(wrong);
            json(ex, 400, error("no_prompt", "No prompt provided", "No prompt provided", JSON.createObjectNode()));
            return;
        }
        violations.addAll(wrong);
        JsonNode graph = body.get("prompt");
        ObjectNode nodeErrors = JSON.createObjectNode();
        boolean hasOutput = false;
        for (var it = graph.fields(); it.hasNext(); ) {
            var node = it.next();
            String type = node.getValue().path("class_type").asText("");
            if (!NODES.containsKey(type)) {
                json(ex, 400, error("invalid_prompt", "Cannot execute because node " + type + " does not exist.", "Node ID '#" + node.getKey() + "'",
                        JSON.createObjectNode()));
                return;
            }
            hasOutput |= type.equals("SaveImage");
            List<String> errors = new ArrayList<>();
            JsonNode inputs = node.getValue().path("inputs");
            for (String required : NODES.get(type)) {
                JsonNode value = inputs.path(required);
                if (value.isMissingNode()) {
                    errors.add("required_input_missing|Required input is missing|" + required);
                } else if (value.isTextual() && value.asText().contains("{{")) {
                    violations.add("placeholder left unfilled in node " + node.getKey() + ": " + value.asText());
                } else if (value.isArray()) {
                    JsonNode from = graph.path(value.path(0).asText());
                    int slot = value.path(1).asInt(-1);
                    if (from.isMissingNode() || slot < 0 || slot >= OUTPUTS.getOrDefault(from.path("class_type").asText(), 0)) {
                        errors.add("bad_linked_input|Bad linked input, must be a length-2 list of [node_id, slot_index]|" + required);
                    }
                }
            }
            if (type.equals("CheckpointLoaderSimple") && !CHECKPOINT.equals(inputs.path("ckpt_name").asText())) {
                errors.add("value_not_in_list|Value not in list|ckpt_name: '" + inputs.path("ckpt_name").asText() + "' not in ['" + CHECKPOINT + "']");
            }
            if (type.equals("LoadImage") && !files.containsKey("input/" + folderOf(inputs.path("image").asText()))) {
                errors.add("value_not_in_list|Value not in list|image: '" + inputs.path("image").asText() + "' not in the input directory");
            }
            if (type.equals("KSampler") && !inputs.path("seed").canConvertToLong()) {
                errors.add("invalid_input_type|Failed to convert an input value to a INT value|seed");
            }
            if (type.equals("EmptyLatentImage") && (inputs.path("width").asInt() % 8 != 0 || inputs.path("height").asInt() % 8 != 0)) {
                errors.add("value_not_valid|width and height must be multiples of 8|" + inputs);
            }
            if (!errors.isEmpty()) {
                ObjectNode entry = nodeErrors.putObject(node.getKey());
                ArrayNode list = entry.putArray("errors");
                for (String e : errors) {
                    String[] p = e.split("\\|", 3);
                    list.addObject().put("type", p[0]).put("message", p[1]).put("details", p[2]).putObject("extra_info");
                }
                entry.putArray("dependent_outputs");
                entry.put("class_type", type);
            }
        }
        if (!hasOutput) {
            json(ex, 400, error("prompt_no_outputs", "Prompt has no outputs", "", nodeErrors));
            return;
        }
        if (!nodeErrors.isEmpty()) {
            json(ex, 400, error("prompt_outputs_failed_validation", "Prompt outputs failed validation", "", nodeErrors));
            return;
        }
        int number = numbers.getAndIncrement();
        String id = java.util.UUID.randomUUID().toString();
        runs.put(id, new Run(id, number, graph, new AtomicInteger(), execute(id, number, graph, body)));
        json(ex, 200, JSON.createObjectNode().put("prompt_id", id).put("number", number).set("node_errors", JSON.createObjectNode()));
    }

    // the history entry the run will have, computed at once; polls see it after pendingPolls
    private ObjectNode execute(String id, int number, JsonNode graph, JsonNode body) {
        ObjectNode entry = JSON.createObjectNode();
        ArrayNode prompt = entry.putArray("prompt");
        prompt.add(number).add(id).add(graph).add(body.path("extra_data").isObject() ? body.get("extra_data") : JSON.createObjectNode());
        ObjectNode outputs = entry.putObject("outputs");
        ObjectNode status = entry.putObject("status");
        ArrayNode messages = status.putArray("messages");
        messages.addArray().add("execution_start").addObject().put("prompt_id", id).put("timestamp", System.currentTimeMillis());
        String text = "";
        BufferedImage input = null;
        int w = 0;
        int h = 0;
        String saveNode = null;
        String samplerNode = null;
        for (var it = graph.fields(); it.hasNext(); ) {
            var node = it.next();
            JsonNode inputs = node.getValue().path("inputs");
            switch (node.getValue().path("class_type").asText()) {
                case "LoadImage" -> input = files.get("input/" + folderOf(inputs.path("image").asText()));
                case "EmptyLatentImage" -> {
                    w = inputs.path("width").asInt();
                    h = inputs.path("height").asInt();
                }
                case "CLIPTextEncode" -> text = text.isEmpty() ? inputs.path("text").asText() : text; // the first is the positive prompt
                case "SaveImage" -> saveNode = node.getKey();
                case "KSampler" -> samplerNode = node.getKey();
                default -> {
                }
            }
        }
        if (text.toLowerCase(Locale.ROOT).contains(CRASH)) {
            status.put("status_str", "error").put("completed", false);
            messages.addArray().add("execution_error").addObject().put("prompt_id", id).put("node_id", samplerNode).put("node_type", "KSampler")
                    .put("exception_message", "Allocation on device \nThis error means you ran out of memory on your GPU.")
                    .put("exception_type", "torch.OutOfMemoryError").putArray("traceback");
            return entry;
        }
        BufferedImage result;
        if (input != null) {
            BufferedImage mask = input.getColorModel().hasAlpha() ? input : null;
            result = FakeOpenAiImages.repaint(opaque(input), mask);
        } else {
            result = FakeOpenAiImages.draft(w, h, text);
        }
        String filename = "atelier_" + String.format("%05d", number + 1) + "_.png";
        files.put("output/atelier/" + filename, result);
        outputs.putObject(saveNode).putArray("images").addObject().put("filename", filename).put("subfolder", "atelier").put("type", "output");
        status.put("status_str", "success").put("completed", true);
        messages.addArray().add("execution_success").addObject().put("prompt_id", id).put("timestamp", System.currentTimeMillis());
        return entry;
    }

    private void history(HttpExchange ex, String id) throws IOException {
        Run run = runs.get(id);
        ObjectNode out = JSON.createObjectNode();
        if (run != null && !neverFinish && run.polls().incrementAndGet() > pendingPolls) {
            out.set(id, run.entry());
        }
        json(ex, 200, out);
    }

    private void view(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        if (!q.containsKey("filename") || !q.containsKey("type")) {
            violations.add("/view needs filename and type, got " + q.keySet());
        }
        BufferedImage image = files.get(q.getOrDefault("type", "output") + "/" + q.getOrDefault("subfolder", "") + "/" + q.getOrDefault("filename", ""));
        if (image == null) {
            violations.add("/view of a file that does not exist: " + q);
            answer(ex, 404, "");
            return;
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        ex.getResponseHeaders().add("Content-Type", "image/png");
        ex.sendResponseHeaders(200, png.size());
        ex.getResponseBody().write(png.toByteArray());
    }

    private void cancel(HttpExchange ex, String what) throws IOException {
        JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
        if (what.equals("queue")) {
            if (!body.path("delete").isArray()) {
                violations.add("/queue takes {delete: [prompt ids]} or {clear: true}, got " + body);
            }
            body.path("delete").forEach(id -> cancelled.add(id.asText()));
        } else if (body.path("prompt_id").isTextual()) {
            cancelled.add(body.path("prompt_id").asText());
        }
        answer(ex, 200, "");
    }

    private static String folderOf(String loadImageName) {
        int slash = loadImageName.lastIndexOf('/');
        return slash < 0 ? "/" + loadImageName : loadImageName.substring(0, slash) + "/" + loadImageName.substring(slash + 1);
    }

    private static BufferedImage opaque(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                rgb.setRGB(x, y, image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return rgb;
    }

    private static String text(Map<String, MultipartParts.Part> parts, String name, String otherwise) {
        MultipartParts.Part p = parts.get(name);
        return p == null ? otherwise : p.text();
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private static ObjectNode error(String type, String message, String details, ObjectNode nodeErrors) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("error").put("type", type).put("message", message).put("details", details).putObject("extra_info");
        root.set("node_errors", nodeErrors);
        return root;
    }

    private static void json(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
    }
}
