package io.atelier.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atelier.engine.Engine;
import io.atelier.engine.plan.PlanJson;
import io.atelier.engine.planner.BuiltinPlanner;
import io.atelier.engine.render.RenderOutcome;
import io.atelier.engine.subject.MattePng;
import io.atelier.engine.subject.SubjectDetectors;
import io.atelier.engine.subject.SubjectMatte;
import io.atelier.imaging.ImageLimits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code ./atelier audit verify <session>}: reads the session's audit trail from the gallery, checks that
 * every stored image still hashes to what its event says, and re-renders each built-in step from its
 * recorded input image and plan (not the instruction: the planner may have changed), reporting any step
 * whose bytes differ. Generative steps are not re-rendered: their recorded output is the truth.
 */
public final class SessionVerifier {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One finding: a step, what was checked, and whether it held. */
    public record Finding(long sequence, String stepId, String check, boolean ok, String detail) {
        @Override
        public String toString() {
            return String.format("%-4d %-36s %-9s %s  %s", sequence, stepId, check, ok ? "ok  " : "FAIL", detail);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String gallery;
    private final String apiKey;
    private final String workspace;
    private final Engine engine;
    private final String subjectMethod;
    private final Function<String, Optional<byte[]>> mattes;

    /**
     * Verifies sessions of the workspace {@code apiKey} belongs to; {@code mattes} finds a cached matte object by
     * its key (the S3 bucket, where workers keep them).
     */
    public SessionVerifier(String galleryUrl, String apiKey, Path modelsDirectory, Function<String, Optional<byte[]>> mattes) {
        this.gallery = galleryUrl;
        this.apiKey = apiKey;
        this.workspace = workspaceOf(galleryUrl, apiKey);
        SubjectDetectors.Choice subject = SubjectDetectors.choose(modelsDirectory);
        this.engine = new Engine(BuiltinPlanner.standard(), ImageLimits.DEFAULT, subject.detector());
        this.subjectMethod = subject.method();
        this.mattes = mattes;
    }

    public List<Finding> verify(UUID session) throws IOException, InterruptedException {
        List<Finding> findings = new ArrayList<>();
        String base = gallery + "/api/sessions/" + session;
        HttpResponse<String> audit = http.send(request(base + "/audit").header("Accept", "application/x-ndjson").build(),
                HttpResponse.BodyHandlers.ofString());
        if (audit.statusCode() != 200) {
            throw new IllegalStateException("the gallery answered " + audit.statusCode() + " for session " + session + ": " + audit.body());
        }
        for (String line : audit.body().lines().filter(l -> !l.isBlank()).toList()) {
            JsonNode entry = JSON.readTree(line);
            String type = entry.path("type").asText();
            if (!type.equals("SourceImageAdded") && !type.equals("ImageRendered")) {
                continue;
            }
            long sequence = entry.path("sequence").asLong();
            String step = entry.path("stepId").asText();
            String recorded = entry.path("outputSha256").asText();
            byte[] stored = get(base + "/steps/" + step + "/image");
            String actual = stored == null ? "missing" : sha256(stored);
            findings.add(new Finding(sequence, step, "stored", recorded.equals(actual),
                    recorded.equals(actual) ? "sha256 " + abbreviate(actual) : "event says " + abbreviate(recorded) + ", store has " + abbreviate(actual)));
            if (type.equals("ImageRendered")) {
                findings.add(rerender(base, sequence, step, entry));
            }
        }
        return findings;
    }

    private Finding rerender(String base, long sequence, String step, JsonNode entry) throws IOException, InterruptedException {
        if (!entry.path("provenance").isMissingNode() && !entry.path("provenance").isNull()) {
            return new Finding(sequence, step, "re-render", true, "generative step: the recorded output is the truth, not re-rendered");
        }
        String method = entry.path("subjectMethod").asText("none");
        String input = entry.path("inputSha256").asText();
        byte[] parent = get(base + "/steps/" + entry.path("parentStepId").asText() + "/image");
        if (parent == null || !sha256(parent).equals(input)) {
            return new Finding(sequence, step, "re-render", false, "the recorded input " + abbreviate(input) + " is not in the store");
        }
        Optional<SubjectMatte> matte = Optional.empty();
        if (!method.equals("none")) {
            // the matte the worker used, when it kept it; otherwise this machine's detector, if it is the same method
            Optional<byte[]> cached = mattes.apply(workspace + "/mattes/" + method.replaceAll("[^A-Za-z0-9._-]", "_") + "/" + input + ".png");
            if (cached.isEmpty() && !method.equals(subjectMethod)) {
                return new Finding(sequence, step, "re-render", false,
                        "not re-rendered: the step found its subject with " + method + ", which this machine does not have (" + subjectMethod + ")");
            }
            if (cached.isPresent()) {
                java.awt.image.BufferedImage size = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(parent));
                matte = size == null ? Optional.empty() : MattePng.decode(cached.get(), size.getWidth(), size.getHeight(), method);
            }
        }
        Optional<SubjectMatte> known = matte;
        RenderOutcome outcome = engine.renderPlan(parent, PlanJson.fromTree(entry.path("plan")), () -> known);
        String recordedVersion = entry.path("engineVersion").asText();
        String versionNote = recordedVersion.equals(Engine.VERSION) ? "" : " (recorded by " + recordedVersion + ", re-rendered by " + Engine.VERSION + ")";
        return switch (outcome) {
            case RenderOutcome.Rendered r -> {
                String again;
                try (var png = r.png()) {
                    again = sha256(png.bytes());
                }
                String recorded = entry.path("outputSha256").asText();
                yield new Finding(sequence, step, "re-render", again.equals(recorded), again.equals(recorded) ? "same bytes" + versionNote
                        : "recorded " + abbreviate(recorded) + ", re-rendered " + abbreviate(again) + versionNote);
            }
            case RenderOutcome.Failed f -> new Finding(sequence, step, "re-render", false, "the recorded plan no longer renders: " + f.reason());
        };
    }

    private byte[] get(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(request(url).build(), HttpResponse.BodyHandlers.ofByteArray());
        return r.statusCode() == 200 ? r.body() : null;
    }

    // The workspace is the key's, as the gallery says (GET /api/workspace): it names where the workers keep mattes.
    private String workspaceOf(String galleryUrl, String key) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(galleryUrl + "/api/workspace"))
                    .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("the gallery refused the key (" + r.statusCode() + "): " + r.body());
            }
            return io.atelier.events.EventCodec.mapper().readTree(r.body()).path("workspaceId").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + apiKey);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) + "…" : sha;
    }
}
