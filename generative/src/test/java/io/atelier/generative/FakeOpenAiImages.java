package io.atelier.generative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * A local server speaking the OpenAI Images API contract ({@code POST /v1/images/edits} multipart and
 * {@code POST /v1/images/generations} JSON), written from the published parameters. It checks every
 * field it receives — bearer key, content types, the exact set of multipart parts, image and mask as
 * PNGs of one size at an accepted size, the mask's alpha marking the repaint area, model, size, n,
 * output_format — records every violation, and answers 400 as OpenAI does. A valid edit is answered
 * with a real image: the sent picture with warm "hands" painted inside the mask's transparent area,
 * and (as a real model does) the rest not returned exactly, lifted by a few levels. Tests can script
 * failures (status, Retry-After), slow answers, and prompts the "safety system" refuses.
 */
public final class FakeOpenAiImages implements AutoCloseable {
    public static final String KEY = "sk-test-atelier-fake";
    public static final String MODEL = "gpt-image-1";
    /** A prompt containing this word is refused (a typical moderation trigger) as the real service's safety system would. */
    public static final String FORBIDDEN = "weapon";
    /** A prompt containing this word is answered only after {@link #SLOW_FOR} (a long generation, to watch and to cancel). */
    public static final String SLOW = "snail";
    public static final Duration SLOW_FOR = Duration.ofSeconds(30);
    private static final Set<String> SIZES = Set.of("1024x1024", "1536x1024", "1024x1536");
    private static final Set<String> EDIT_PARTS = Set.of("image", "mask", "prompt", "model", "size", "n", "output_format");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A scripted answer for the next call. */
    public record Scripted(int status, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Scripted> script = new ArrayDeque<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger answering = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;

    private FakeOpenAiImages(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free local port. */
    public static FakeOpenAiImages start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeOpenAiImages fake = new FakeOpenAiImages(server);
            server.createContext("/v1/images/", fake::handle);
            // a thread per request: any number of workers may wait on a slow answer at once (the scaling benchmark)
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL to configure: ATELIER_OPENAI_BASE_URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** "edits" or "generations", one per request received, in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    public synchronized void script(Scripted... answers) {
        script.addAll(List.of(answers));
    }

    /** The most requests this fake has been answering at the same moment (a worker's generative limit, seen from outside). */
    public int mostAtOnce() {
        return mostAtOnce.get();
    }

    /** Every later answer waits this long first (a slow provider). */
    public void delay(Duration d) {
        delay = d;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        mostAtOnce.accumulateAndGet(answering.incrementAndGet(), Math::max);
        counted.set(true);
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getPath();
            String kind = path.endsWith("/images/edits") ? "edits" : path.endsWith("/images/generations") ? "generations" : "unknown";
            calls.add(kind);
            List<String> wrong = new ArrayList<>();
            if (!"POST".equals(ex.getRequestMethod())) {
                wrong.add("method must be POST, got " + ex.getRequestMethod());
            }
            if (!("Bearer " + KEY).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                answer(ex, 401, error("Incorrect API key provided.", "invalid_request_error", null, "invalid_api_key"));
                violations.add("missing or wrong bearer key");
                return;
            }
            sleep(delay);
            Scripted next;
            synchronized (this) {
                next = script.poll();
            }
            if (next != null) {
                next.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
                answer(ex, next.status(), next.body().getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] image = switch (kind) {
                case "edits" -> edit(ex.getRequestHeaders().getFirst("Content-Type"), body, wrong);
                case "generations" -> generation(ex.getRequestHeaders().getFirst("Content-Type"), body, wrong);
                default -> {
                    wrong.add("unknown path " + path);
                    yield null;
                }
            };
            if (!wrong.isEmpty() || image == null) {
                violations.addAll(wrong);
                answer(ex, 400, error(String.join("; ", wrong), "invalid_request_error", null, null));
                return;
            }
            if (prompt.get().toLowerCase(java.util.Locale.ROOT).contains(SLOW)) {
                sleep(SLOW_FOR); // a client that gives up meanwhile closes the connection; the answer below then goes nowhere
            }
            if (prompt.get().toLowerCase(java.util.Locale.ROOT).contains(FORBIDDEN)) {
                answer(ex, 400, error("Your request was rejected by the safety system. safety_violations=[violence].",
                        "image_generation_user_error", null, "moderation_blocked"));
                return;
            }
            ObjectNode out = JSON.createObjectNode();
            out.put("created", 1_700_000_000L + requests.incrementAndGet());
            ObjectNode item = out.putArray("data").addObject();
            item.put("b64_json", Base64.getEncoder().encodeToString(image));
            item.put("revised_prompt", "A photograph: " + prompt.get());
            out.put("output_format", "png");
            out.put("size", size.get());
            ObjectNode usage = out.putObject("usage");
            usage.put("input_tokens", 50 + ("edits".equals(kind) ? 323 : 0));
            usage.putObject("input_tokens_details").put("image_tokens", "edits".equals(kind) ? 323 : 0).put("text_tokens", 50);
            usage.put("output_tokens", 4160);
            usage.put("total_tokens", 4160 + 50 + ("edits".equals(kind) ? 323 : 0));
            ex.getResponseHeaders().add("x-request-id", "req_fake_" + requests.get());
            answer(ex, 200, JSON.writeValueAsBytes(out));
        } catch (RuntimeException e) {
            violations.add("fake failed: " + e);
            throw e;
        } finally {
            answered();
        }
    }

    // A request stops counting as being answered when its answer starts out, not when this thread is done with it: the
    // client may have the whole answer, give its permit back and send its next request before then, which counted as one
    // call too many at once (RenderPermitsTest saw 4 with 3 permits).
    private void answered() {
        if (counted.get()) {
            counted.set(false);
            answering.decrementAndGet();
        }
    }

    // per handling thread (an exchange's attributes would not do: the JDK server keeps them on the shared context)
    private final ThreadLocal<Boolean> counted = ThreadLocal.withInitial(() -> false);

    private final ThreadLocal<String> prompt = ThreadLocal.withInitial(() -> "");
    private final ThreadLocal<String> size = ThreadLocal.withInitial(() -> "");

    private byte[] edit(String contentType, byte[] body, List<String> wrong) {
        Map<String, MultipartParts.Part> parts;
        try {
            parts = MultipartParts.parse(contentType, body);
        } catch (IllegalArgumentException e) {
            wrong.add(e.getMessage());
            return null;
        }
        for (String name : parts.keySet()) {
            if (!EDIT_PARTS.contains(name)) {
                wrong.add("unknown parameter '" + name + "'");
            }
        }
        for (String required : List.of("image", "prompt", "model", "size", "n", "output_format")) {
            if (!parts.containsKey(required)) {
                wrong.add("missing part '" + required + "'");
            }
        }
        if (!wrong.isEmpty()) {
            return null;
        }
        commonFields(parts.get("prompt").text(), parts.get("model").text(), parts.get("size").text(), parts.get("n").text(),
                parts.get("output_format").text(), wrong);
        MultipartParts.Part imagePart = parts.get("image");
        if (!"image/png".equals(imagePart.contentType()) || imagePart.filename() == null) {
            wrong.add("image must be a file part with Content-Type image/png, got " + imagePart.contentType());
        }
        BufferedImage image = png(imagePart.content(), "image", wrong);
        BufferedImage mask = null;
        if (parts.containsKey("mask")) {
            MultipartParts.Part maskPart = parts.get("mask");
            if (!"image/png".equals(maskPart.contentType()) || maskPart.filename() == null) {
                wrong.add("mask must be a PNG file part");
            }
            if (maskPart.content().length >= 4 * 1024 * 1024) {
                wrong.add("mask must be under 4 MB");
            }
            mask = png(maskPart.content(), "mask", wrong);
            if (mask != null && !mask.getColorModel().hasAlpha()) {
                wrong.add("mask must have an alpha channel (transparent = repaint)");
            }
            if (mask != null && image != null && (mask.getWidth() != image.getWidth() || mask.getHeight() != image.getHeight())) {
                wrong.add("mask must have the image's size");
            }
            if (mask != null && mask.getColorModel().hasAlpha() && transparent(mask) == 0) {
                wrong.add("mask has no transparent pixel: nothing to repaint");
            }
        }
        if (image != null && !(image.getWidth() + "x" + image.getHeight()).equals(size.get())) {
            wrong.add("image is " + image.getWidth() + "x" + image.getHeight() + ", size asked " + size.get());
        }
        if (!wrong.isEmpty()) {
            return null;
        }
        return encode(repaint(image, mask));
    }

    private byte[] generation(String contentType, byte[] body, List<String> wrong) {
        if (contentType == null || !contentType.startsWith("application/json")) {
            wrong.add("generations takes application/json, got " + contentType);
            return null;
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            wrong.add("body is not JSON");
            return null;
        }
        json.fieldNames().forEachRemaining(f -> {
            if (!Set.of("model", "prompt", "size", "n", "output_format").contains(f)) {
                wrong.add("unknown parameter '" + f + "'");
            }
        });
        if (!json.path("n").isInt()) {
            wrong.add("n must be an integer");
        }
        commonFields(json.path("prompt").asText(""), json.path("model").asText(""), json.path("size").asText(""),
                json.path("n").asText(""), json.path("output_format").asText(""), wrong);
        if (!wrong.isEmpty()) {
            return null;
        }
        String[] wh = size.get().split("x");
        return encode(draft(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]), prompt.get()));
    }

    private void commonFields(String p, String model, String s, String n, String format, List<String> wrong) {
        prompt.set(p);
        size.set(s);
        if (p.isBlank() || p.length() > 32_000) {
            wrong.add("prompt must be 1 to 32000 characters");
        }
        if (!MODEL.equals(model)) {
            wrong.add("model must be " + MODEL + ", got '" + model + "'");
        }
        if (!SIZES.contains(s)) {
            wrong.add("size must be one of " + SIZES + ", got '" + s + "'");
        }
        if (!"1".equals(n)) {
            wrong.add("n must be 1 (Atelier asks for one image), got '" + n + "'");
        }
        if (!Set.of("png", "jpeg", "webp").contains(format)) {
            wrong.add("output_format must be png, jpeg or webp, got '" + format + "'");
        }
    }

    /** The sent image with warm "hands" painted in the mask's transparent area (anywhere, without a mask), the rest lifted slightly. */
    static BufferedImage repaint(BufferedImage image, BufferedImage mask) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] box = mask == null ? new int[] {w / 2, h / 2, w, h} : transparentBox(mask);
        BufferedImage painted = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = painted.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int bw = box[2] - box[0];
        int bh = box[3] - box[1];
        // two hands reaching in from the lower corners of the repaint area
        g.setColor(new Color(226, 176, 146));
        g.fillOval(box[0] + bw / 20, box[1] + bh * 11 / 20, bw / 4, bh / 3);
        g.fillOval(box[0] + bw * 14 / 20, box[1] + bh * 11 / 20, bw / 4, bh / 3);
        g.setColor(new Color(190, 140, 112));
        g.setStroke(new BasicStroke(Math.max(2, bw / 150f)));
        g.drawOval(box[0] + bw / 20, box[1] + bh * 11 / 20, bw / 4, bh / 3);
        g.drawOval(box[0] + bw * 14 / 20, box[1] + bh * 11 / 20, bw / 4, bh / 3);
        g.dispose();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean repaint = mask == null || (mask.getRGB(x, y) >>> 24) == 0;
                int rgb = repaint ? painted.getRGB(x, y) : image.getRGB(x, y);
                int lift = 2 + ((x * 7 + y * 13) % 3);
                out.setRGB(x, y, lift(rgb >> 16, lift) << 16 | lift(rgb >> 8, lift) << 8 | lift(rgb, lift));
            }
        }
        return out;
    }

    static BufferedImage draft(int w, int h, String prompt) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        int hash = prompt.hashCode();
        g.setPaint(new GradientPaint(0, 0, new Color(200, 170, 130), 0, h, new Color(110 + (hash & 31), 72, 40)));
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(245, 242, 236));
        g.fillOval(w / 3, h / 3, w / 3, h / 4);
        g.setColor(new Color(70, 40, 20));
        g.fillOval(w / 3 + w / 24, h / 3 + h / 40, w / 4, h / 10);
        g.dispose();
        return out;
    }

    private static int lift(int channel, int by) {
        return Math.min(255, (channel & 255) + by);
    }

    private static int[] transparentBox(BufferedImage mask) {
        int x0 = mask.getWidth();
        int y0 = mask.getHeight();
        int x1 = 0;
        int y1 = 0;
        for (int y = 0; y < mask.getHeight(); y++) {
            for (int x = 0; x < mask.getWidth(); x++) {
                if ((mask.getRGB(x, y) >>> 24) == 0) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x + 1);
                    y1 = Math.max(y1, y + 1);
                }
            }
        }
        return new int[] {x0, y0, x1, y1};
    }

    private static long transparent(BufferedImage mask) {
        long n = 0;
        for (int y = 0; y < mask.getHeight(); y++) {
            for (int x = 0; x < mask.getWidth(); x++) {
                n += (mask.getRGB(x, y) >>> 24) == 0 ? 1 : 0;
            }
        }
        return n;
    }

    private static BufferedImage png(byte[] bytes, String what, List<String> wrong) {
        if (bytes.length < 8 || bytes[0] != (byte) 0x89 || bytes[1] != 'P' || bytes[2] != 'N' || bytes[3] != 'G') {
            wrong.add(what + " must be a PNG");
            return null;
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                wrong.add(what + " cannot be decoded");
            }
            return image;
        } catch (IOException e) {
            wrong.add(what + " cannot be decoded: " + e.getMessage());
            return null;
        }
    }

    private static byte[] encode(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] error(String message, String type, String param, String code) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode e = root.putObject("error");
        e.put("message", message);
        e.put("type", type);
        e.put("param", param);
        e.put("code", code);
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void answer(HttpExchange ex, int status, byte[] body) throws IOException {
        answered();
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    private static void sleep(Duration d) {
        if (!d.isZero()) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
