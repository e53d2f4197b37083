package io.atelier.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Workspace isolation over every documented endpoint, found in the OpenAPI documents the services
 * serve (so an endpoint added later is covered without touching this test): each is called with ids
 * from workspace A by workspace B's key, by B's studio cookie, with no key, a malformed key and a
 * revoked key of A itself. Ids of A must answer 404 exactly as a missing id does, keys that are not
 * live 401, and no answer may carry anything of A.
 */
@ExtendWith(RunningStack.class)
class IsolationTest {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    // the ids the documents' examples use, replaced by A's real ones in request bodies
    private static final String EXAMPLE_SESSION = "6f1c2f9e-8d1b-4c47-9a57-2b1e8f0c7d11";
    private static final String EXAMPLE_STEP = "0b7e4d52-3f7a-4c1e-8e0b-5d7c9a1f2e33";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A caller: a name for the report, the header it sends (null: none), and whether it is a live credential there. */
    private record Caller(String name, String header, String value, boolean live) {
        // the studio cookie is the gallery's own: session-service only ever takes a bearer key
        boolean liveOn(String service) {
            return live && !(header != null && header.equals("Cookie") && service.equals("session-service"));
        }
    }

    @Test
    void noEndpointShowsOneWorkspaceToAnother() throws Exception {
        // workspace A: the default workspace, with a session, its photo and a rendered step
        UUID session = Api.newSession("isolation: A's secret campaign");
        UUID root = Api.uploadPhoto(session);
        UUID step = Api.step(session, root, "make it 10% brighter");
        assertThat(Api.awaitFinished(session, step)).isEqualTo("rendered");
        String sha = Api.tree(session).getString("steps.find { it.stepId == '" + root + "' }.image.sha256");
        List<String> secretsOfA = List.of(session.toString(), root.toString(), step.toString(), sha, "A's secret campaign");

        String keyB = RunningStack.newKey("isolation-b-" + UUID.randomUUID().toString().substring(0, 8));
        String revokedA = RunningStack.newKey("default");
        assertThat(RunningStack.stack().keys().revoke(revokedA.substring(4, 12))).isTrue();
        String cookieB = signIn(keyB);
        // what ./atelier keys list shows: prefixes, workspaces, revocations, never a secret
        var listed = RunningStack.stack().keys().list();
        assertThat(listed).anySatisfy(k -> {
            assertThat(k.prefix()).isEqualTo(revokedA.substring(4, 12));
            assertThat(k.workspaceId()).isEqualTo("default");
            assertThat(k.revokedAt()).isPresent();
        });
        assertThat(listed).anySatisfy(k -> assertThat(k.prefix()).isEqualTo(keyB.substring(4, 12)));
        assertThat(listed.toString()).doesNotContain(keyB.substring(13)).doesNotContain(revokedA.substring(13));
        List<Caller> callers = List.of(
                new Caller("B's key", "Authorization", "Bearer " + keyB, true),
                new Caller("B's studio cookie", "Cookie", "atelier_studio=" + cookieB, true),
                new Caller("no key", null, null, false),
                new Caller("a malformed key", "Authorization", "Bearer not-an-atelier-key", false),
                new Caller("a well-formed unknown key", "Authorization", "Bearer atk_unknown0_" + "A".repeat(43), false),
                new Caller("a forged cookie", "Cookie", "atelier_studio=" + "A".repeat(80), false),
                new Caller("A's revoked key", "Authorization", "Bearer " + revokedA, false));
        Map<String, String> ids = Map.of("id", session.toString(), "step", step.toString());

        SoftAssertions soft = new SoftAssertions();
        int calls = 0;
        int crossWorkspaceReads = 0;
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, String> service : Map.of("session-service", Api.session(), "gallery-service", Api.gallery()).entrySet()) {
            JsonNode document = OpenApiDocument.parse(get(service.getValue() + "/q/openapi?format=json"));
            for (var path : iterable(document.path("paths").fields())) {
                if (!path.getKey().startsWith("/api")) {
                    continue;
                }
                String url = service.getValue() + fill(path.getKey(), ids);
                boolean namesAnId = PATH_PARAM.matcher(path.getKey()).find();
                for (var method : iterable(path.getValue().fields())) {
                    String op = service.getKey() + " " + method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                    operations.add(op);
                    for (Caller caller : callers) {
                        Answer answer = call(method.getKey(), url, method.getValue(), caller, session, root);
                        calls++;
                        // a 404 may echo the ids the caller sent; anything else of A in an answer is a leak
                        List<String> mustNotShow = namesAnId ? List.of(sha, "A's secret campaign") : secretsOfA;
                        boolean leaked = mustNotShow.stream().anyMatch(answer.body()::contains)
                                || namesAnId && answer.status() < 300;
                        if (leaked) {
                            crossWorkspaceReads++;
                        }
                        soft.assertThat(leaked).as("%s with %s answered %d: %s", op, caller.name(), answer.status(), answer.body()).isFalse();
                        if (!caller.liveOn(service.getKey())) {
                            soft.assertThat(answer.status()).as("%s with %s", op, caller.name()).isEqualTo(401);
                            soft.assertThat(answer.challenge()).as("%s with %s: WWW-Authenticate", op, caller.name()).startsWith("Bearer");
                            soft.assertThat(answer.type()).as("%s with %s", op, caller.name()).startsWith("application/problem+json");
                        } else if (namesAnId) {
                            // exactly what a missing id answers: 404, problem+json, nothing else said
                            soft.assertThat(answer.status()).as("%s with %s (A's ids)", op, caller.name()).isEqualTo(404);
                            soft.assertThat(answer.type()).as("%s with %s", op, caller.name()).startsWith("application/problem+json");
                            Answer missing = call(method.getKey(), service.getValue() + fill(path.getKey(),
                                    Map.of("id", UUID.randomUUID().toString(), "step", UUID.randomUUID().toString())),
                                    method.getValue(), caller, session, root);
                            soft.assertThat(answer.status()).as("%s: A's id and a missing id answer alike", op).isEqualTo(missing.status());
                            soft.assertThat(title(answer.body())).as("%s: the same problem", op).isEqualTo(title(missing.body()));
                        } else {
                            soft.assertThat(answer.status()).as("%s with %s", op, caller.name()).isLessThan(500);
                        }
                    }
                }
            }
        }
        System.out.printf("[IsolationTest] %d calls over %d documented /api operations with %d callers: %d cross-workspace reads%n",
                calls, operations.size(), callers.size(), crossWorkspaceReads);
        assertThat(operations).as("the documents list the endpoints").hasSizeGreaterThanOrEqualTo(12);
        assertThat(crossWorkspaceReads).as("cross-workspace reads").isZero();
        soft.assertAll();
        // and A still sees all of it with its own key
        assertThat(Api.tree(session).getList("steps")).hasSize(2);
    }

    @Test
    void healthStaysOpenForProbesAndMetricsAreNotOnThePublicPort() throws Exception {
        for (String base : List.of(Api.session(), Api.gallery())) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as("%s health without a key", base).isEqualTo(200);
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).as("%s metrics on the public port", base).isEqualTo(404);
        }
    }

    private record Answer(int status, String type, String challenge, String body) {
    }

    private Answer call(String method, String url, JsonNode operation, Caller caller, UUID session, UUID root)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (caller.header() != null) {
            request.header(caller.header(), caller.value());
        }
        JsonNode content = operation.path("requestBody").path("content");
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (content.has("application/json")) {
            JsonNode examples = content.path("application/json").path("examples");
            String example = examples.isEmpty() ? "{}" : examples.elements().next().path("value").toString();
            request.header("Content-Type", "application/json");
            body = HttpRequest.BodyPublishers.ofString(example.replace(EXAMPLE_SESSION, session.toString()).replace(EXAMPLE_STEP, root.toString()));
        } else if (content.has("multipart/form-data")) {
            String boundary = "isolation-" + UUID.randomUUID();
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary);
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"coffee.png\"\r\n"
                    + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] photo = Api.coffee();
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[head.length + photo.length + tail.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(photo, 0, all, head.length, photo.length);
            System.arraycopy(tail, 0, all, head.length + photo.length, tail.length);
            body = HttpRequest.BodyPublishers.ofByteArray(all);
        }
        request.method(method.toUpperCase(Locale.ROOT), body);
        // a stream (server-sent events) never ends: read what has come within a moment, then hang up
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        String type = response.headers().firstValue("Content-Type").orElse("");
        String text;
        try (InputStream in = response.body()) {
            text = new String(type.startsWith("text/event-stream") ? readSome(in) : in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new Answer(response.statusCode(), type, response.headers().firstValue("WWW-Authenticate").orElse(""), text);
    }

    private static byte[] readSome(InputStream in) throws IOException {
        byte[] buffer = new byte[65536];
        int n = in.read(buffer); // the first event comes at once when the stream opens
        return n <= 0 ? new byte[0] : java.util.Arrays.copyOf(buffer, n);
    }

    private String signIn(String key) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(Api.gallery() + "/api/signin"))
                .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("sign-in: %s", r.body()).isEqualTo(200);
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/");
        return cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
    }

    private String get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String title(String problem) {
        return OpenApiDocument.parse(problem).path("title").asText();
    }

    // every path parameter must be one this test knows how to fill with an id of A: a new kind of id fails here until it is added
    private static String fill(String path, Map<String, String> ids) {
        Matcher m = PATH_PARAM.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String id = ids.get(m.group(1));
            assertThat(id).as("an id of workspace A for path parameter {%s} of %s", m.group(1), path).isNotNull();
            m.appendReplacement(out, id);
        }
        return m.appendTail(out).toString();
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        return () -> it;
    }

}
