package io.atelier.stack;

import com.fasterxml.jackson.databind.JsonNode;
import io.atelier.events.EventCodec;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/** The {@code ./atelier} commands: up, down, status, demo, models, audit verify. */
public final class AtelierCli {
    // the demo's key: the default workspace's, which ./atelier up keeps under .atelier/
    private static String apiKey = "";

    private AtelierCli() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("atelier.root", ".")).toAbsolutePath().normalize();
        Path data = root.resolve(".atelier");
        String command = args.length == 0 ? "help" : args[0];
        switch (command) {
            case "up" -> up(root, data, option(args, "--workers", 1), option(args, "--brokers", 1));
            case "down" -> down(data);
            case "status" -> status(data);
            case "demo" -> demo(root, data);
            case "models" -> models(args);
            case "audit" -> audit(data, args);
            case "replay" -> replay(root, data, java.util.Arrays.asList(args).contains("--switch"));
            case "keys" -> keys(data, args);
            default -> {
                System.out.println("usage: ./atelier up [--workers N] [--brokers 1|3] | down | status | demo | models install isnet | models status"
                        + " | audit verify <session> | replay [--switch] | keys create --workspace <id> | keys list | keys revoke <prefix>");
                System.exit(command.equals("help") ? 0 : 2);
            }
        }
    }

    private static void models(String[] args) throws Exception {
        Path directory = io.atelier.engine.subject.IsNetModel.defaultDirectory();
        if (args.length >= 3 && args[1].equals("install") && args[2].equals(io.atelier.engine.subject.IsNetModel.NAME)) {
            ModelInstaller.install(directory);
        } else if (args.length >= 2 && args[1].equals("status")) {
            if (!ModelInstaller.check(directory)) {
                System.exit(1);
            }
        } else {
            System.out.println("usage: ./atelier models install isnet | models status   (models directory: " + directory
                    + ", set ATELIER_MODELS_DIR to move it)");
            System.exit(2);
        }
    }

    /** {@code audit verify <session>}: stored images against their events, and each built-in step re-rendered from its record. */
    private static void audit(Path data, String[] args) throws Exception {
        if (args.length < 3 || !args[1].equals("verify")) {
            System.out.println("usage: ./atelier audit verify <session-id> [--key KEY]  (default: the local stack's key in .atelier/api-key)");
            System.exit(2);
        }
        Path endpointsFile = data.resolve("run/endpoints.properties");
        if (!Files.exists(endpointsFile)) {
            System.out.println("[atelier] the stack is not running: start it with ./atelier up (in another terminal)");
            System.exit(1);
        }
        Properties endpoints = load(endpointsFile);
        Path keyFile = data.resolve(LocalStack.API_KEY_FILE);
        String apiKey = textOption(args, "--key", Files.exists(keyFile) ? Files.readString(keyFile).strip() : "");
        io.minio.MinioClient s3 = io.minio.MinioClient.builder().endpoint(endpoints.getProperty("s3"))
                .credentials(StackParts.S3_ACCESS_KEY, StackParts.S3_SECRET_KEY).build();
        SessionVerifier verifier = new SessionVerifier(endpoints.getProperty("gallery"), apiKey,
                io.atelier.engine.subject.IsNetModel.defaultDirectory(), key -> {
                    try (var in = s3.getObject(io.minio.GetObjectArgs.builder().bucket(LocalStack.BUCKET).object(key).build())) {
                        return java.util.Optional.of(in.readAllBytes());
                    } catch (Exception e) {
                        return java.util.Optional.empty();
                    }
                });
        java.util.List<SessionVerifier.Finding> findings = verifier.verify(java.util.UUID.fromString(args[2]));
        findings.forEach(f -> System.out.println("  " + f));
        long failed = findings.stream().filter(f -> !f.ok()).count();
        System.out.printf("[atelier] %d checks, %d failed%n", findings.size(), failed);
        System.exit(failed == 0 ? 0 : 1);
    }

    /**
     * {@code replay}: rebuilds the gallery's projection from offset 0 into a new database beside the live one
     * (a second gallery-service on it), compares the two per session and overall, reports the event rate and
     * the duration, and stops the replay gallery. The live projection is only read. With --switch, and only
     * when the two are identical, the next ./atelier up serves the gallery from the replayed database.
     */
    private static void replay(Path root, Path data, boolean switchOver) throws Exception {
        Path endpointsFile = data.resolve("run/endpoints.properties");
        if (!Files.exists(endpointsFile)) {
            System.out.println("[atelier] the stack is not running: start it with ./atelier up (in another terminal)");
            System.exit(1);
        }
        Properties e = load(endpointsFile);
        String kafka = e.getProperty("kafka");
        String liveJdbc = e.getProperty("gallery.jdbc");
        String user = e.getProperty("jdbc.user", "postgres");
        ProjectionReplay.requireInfiniteRetention(kafka);
        java.util.Map<Integer, Long> ends = ProjectionReplay.endOffsets(kafka);
        long offsets = ends.values().stream().mapToLong(Long::longValue).sum();
        String database = "atelier_gallery_replay_" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")
                .withZone(java.time.ZoneOffset.UTC).format(Instant.now());
        String server = liveJdbc.substring(0, liveJdbc.lastIndexOf('/') + 1);
        try (var c = java.sql.DriverManager.getConnection(server + "postgres", user, ""); var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        String replayJdbc = server + database;
        System.out.printf("[atelier] replaying %d offsets of %s (retention infinite) into %s%n", offsets,
                io.atelier.events.Topics.SESSION_EVENTS, database);
        Instant t0 = Instant.now();
        int port = Ports.free();
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("atelier.kafka.bootstrap-servers", kafka);
        settings.put("atelier.s3.endpoint", e.getProperty("s3"));
        settings.put("atelier.s3.access-key", e.getProperty("s3.access-key", StackParts.S3_ACCESS_KEY));
        settings.put("atelier.s3.secret-key", e.getProperty("s3.secret-key", StackParts.S3_SECRET_KEY));
        settings.put("atelier.gallery.session-service-url", e.getProperty("session"));
        settings.put("quarkus.datasource.jdbc.url", replayJdbc);
        settings.put("quarkus.datasource.username", user);
        settings.put("quarkus.datasource.password", "");
        settings.put("quarkus.log.console.json.enabled", "false");
        try (ManagedProcess gallery = ServiceApp.start(root, "gallery-service", "gallery-replay", List.of("-Xmx512m"), port, settings, data.resolve("logs"),
                data.resolve("run"))) {
            ProjectionReplay.awaitCaughtUp(replayJdbc, user, ends, Duration.ofMinutes(30));
            Duration projecting = ProjectionReplay.projectionSpan(replayJdbc, user);
            Duration total = Duration.between(t0, Instant.now());
            var comparison = ProjectionReplay.compare(ProjectionReplay.digests(liveJdbc, user), ProjectionReplay.digests(replayJdbc, user));
            long events = ProjectionReplay.events(replayJdbc, user);
            double rate = projecting.isZero() ? events : events / (projecting.toNanos() / 1e9);
            System.out.printf("[atelier] replay done in %.1f s (%.1f s from the first event applied to the last): %d events, %.0f events/s%n",
                    total.toMillis() / 1000.0, projecting.toMillis() / 1000.0, events, rate);
            System.out.printf("  sessions equal: %d; still moving (the live side has newer events, not compared): %d; differences: %d%n",
                    comparison.equal(), comparison.stillMoving().size(), comparison.differences().size());
            System.out.printf("  overall digest live %s, replay %s%n", comparison.liveOverall(), comparison.replayOverall());
            comparison.differences().forEach(d -> System.out.println("    " + d));
            if (switchOver) {
                if (!comparison.identical()) {
                    System.out.println("[atelier] not switching: the replay differs from the live projection");
                    System.exit(1);
                }
                Files.writeString(data.resolve(LocalStack.GALLERY_DATABASE_FILE), database);
                System.out.println("[atelier] switched: the next ./atelier up serves the gallery from " + database
                        + " (./atelier down && ./atelier up); the old database is kept");
            } else {
                System.out.println("[atelier] the live projection was not touched; ./atelier replay --switch makes a replay the live one");
            }
            System.exit(comparison.identical() ? 0 : 1);
        }
    }

    private static String textOption(String[] args, String name, String fallback) {
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /** ./atelier keys create --workspace acme | list | revoke <prefix>: on the running stack's session database. */
    private static void keys(Path data, String[] args) {
        KeyAdmin admin;
        String jdbc = System.getenv("ATELIER_SESSION_JDBC_URL");
        if (jdbc != null && !jdbc.isBlank()) {
            // another deployment (compose, Kubernetes): its session database, e.g. through a port-forward
            admin = new KeyAdmin(jdbc, System.getenv().getOrDefault("ATELIER_SESSION_JDBC_USER", "postgres"),
                    System.getenv().getOrDefault("ATELIER_SESSION_JDBC_PASSWORD", ""));
        } else {
            Path endpointsFile = data.resolve("run/endpoints.properties");
            if (!Files.exists(endpointsFile)) {
                System.out.println("[atelier] the stack is not running: start it with ./atelier up (in another terminal), "
                        + "or set ATELIER_SESSION_JDBC_URL (and _USER, _PASSWORD) to administer another deployment's keys");
                System.exit(1);
            }
            Properties p = load(endpointsFile);
            admin = new KeyAdmin(p.getProperty("session.jdbc"), p.getProperty("session.jdbc.user"), p.getProperty("session.jdbc.password", ""));
        }
        String sub = args.length > 1 ? args[1] : "";
        switch (sub) {
            case "create" -> {
                String workspace = args.length > 3 && args[2].equals("--workspace") ? args[3] : null;
                if (workspace == null) {
                    System.out.println("usage: ./atelier keys create --workspace <id>");
                    System.exit(2);
                }
                try {
                    KeyAdmin.Issued issued = admin.create(workspace);
                    System.out.println(issued.key());
                    System.err.println("[atelier] key atk_" + issued.prefix() + "_… for workspace '" + workspace
                            + "': shown once, stored only as a hash; send it as 'Authorization: Bearer <key>'");
                } catch (IllegalArgumentException e) {
                    System.out.println("[atelier] " + e.getMessage());
                    System.exit(2);
                }
            }
            case "list" -> {
                System.out.printf("%-10s %-24s %-22s %s%n", "PREFIX", "WORKSPACE", "CREATED", "REVOKED");
                for (KeyAdmin.Listed k : admin.list()) {
                    System.out.printf("%-10s %-24s %-22s %s%n", k.prefix(), k.workspaceId(),
                            k.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                            k.revokedAt().map(t -> t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()).orElse("-"));
                }
            }
            case "revoke" -> {
                if (args.length < 3) {
                    System.out.println("usage: ./atelier keys revoke <prefix>");
                    System.exit(2);
                }
                String prefix = args[2].startsWith("atk_") && args[2].length() >= 12 ? args[2].substring(4, 12) : args[2];
                if (admin.revoke(prefix)) {
                    System.out.println("[atelier] revoked key " + prefix + "; requests with it now get 401");
                } else {
                    System.out.println("[atelier] no live key with prefix " + prefix);
                    System.exit(1);
                }
            }
            default -> {
                System.out.println("usage: ./atelier keys create --workspace <id> | keys list | keys revoke <prefix>");
                System.exit(2);
            }
        }
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Math.max(1, Integer.parseInt(args[i + 1]));
            }
        }
        return fallback;
    }

    private static void up(Path root, Path data, int workers, int brokers) throws InterruptedException {
        if (brokers != 1 && brokers != 3) {
            System.out.println("[atelier] --brokers takes 1 (the default) or 3 (a replicated KRaft cluster)");
            System.exit(2);
        }
        Path endpointsFile = data.resolve("run/endpoints.properties");
        if (Files.exists(endpointsFile)) {
            Properties running = load(endpointsFile);
            long pid = Long.parseLong(running.getProperty("launcher.pid", "-1"));
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                System.out.println("[atelier] already running (launcher pid " + pid + "): studio API at " + running.getProperty("gallery"));
                return;
            }
            LocalStack.log("cleaning up after a launcher that did not stop cleanly");
        }
        Instant t0 = Instant.now();
        ModelInstaller.status(io.atelier.engine.subject.IsNetModel.defaultDirectory());
        LocalStack stack = LocalStack.start(root, data, StackPorts.defaults(), workers, brokers);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LocalStack.log("stopping…");
            stack.close();
            LocalStack.log("stopped; data kept in " + data);
            stopped.countDown();
        }));
        Endpoints e = stack.endpoints();
        System.out.printf("""
                [atelier] healthy in %.1f s. Data under %s, logs under %s

                  open the studio:           %s/   (sign in with the API key below)
                  API key (workspace default) %s
                                             kept in %s; more: ./atelier keys create --workspace <id>

                  gallery (read API, images) %s/api/sessions
                  session (commands)         %s/api/sessions
                  OpenAPI                    %s/q/openapi  and  %s/q/openapi
                  health                     %s/q/health
                  try:  ./atelier demo      stop: Ctrl-C or ./atelier down
                """, Duration.between(t0, Instant.now()).toMillis() / 1000.0, data, stack.logDir(),
                e.galleryUrl(), stack.apiKey(), data.resolve(LocalStack.API_KEY_FILE), e.galleryUrl(), e.sessionUrl(), e.sessionUrl(), e.galleryUrl(), e.galleryUrl());
        stopped.await();
    }

    private static void down(Path data) throws InterruptedException {
        Path endpointsFile = data.resolve("run/endpoints.properties");
        if (Files.exists(endpointsFile)) {
            long pid = Long.parseLong(load(endpointsFile).getProperty("launcher.pid", "-1"));
            var handle = ProcessHandle.of(pid);
            if (handle.isPresent() && handle.get().isAlive()) {
                handle.get().destroy();
                try {
                    handle.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the launcher did not stop in 60 s", e);
                }
                System.out.println("[atelier] stopped");
                return;
            }
        }
        // No live launcher: stop whatever a crashed one left behind.
        LocalStack.stopLeftovers(data.resolve("run"));
        Postgres.stopLeftover(data);
        System.out.println("[atelier] nothing running; leftovers cleaned up");
    }

    private static void status(Path data) {
        Path endpointsFile = data.resolve("run/endpoints.properties");
        if (!Files.exists(endpointsFile)) {
            System.out.println("[atelier] not running");
            return;
        }
        load(endpointsFile).forEach((k, v) -> System.out.println("  " + k + " = " + v));
        Path supervision = data.resolve("run/supervision");
        if (Files.isDirectory(supervision)) {
            try (var files = Files.list(supervision)) {
                files.sorted().forEach(f -> {
                    Properties p = load(f);
                    System.out.printf("  %s: restarted %s times, last exit code %s at %s, now %s%n",
                            f.getFileName().toString().replace(".properties", ""), p.getProperty("restarts"), p.getProperty("lastExitCode"),
                            p.getProperty("lastExitAt"), p.getProperty("state"));
                });
            } catch (IOException e) {
                System.out.println("  (cannot read " + supervision + ": " + e.getMessage() + ")");
            }
        }
    }

    /** Uploads a real photo and refines it: a square crop, a warmer step on it, and a black-and-white branch. */
    private static void demo(Path root, Path data) throws IOException, InterruptedException {
        Path endpointsFile = data.resolve("run/endpoints.properties");
        if (!Files.exists(endpointsFile)) {
            System.out.println("[atelier] the stack is not running: start it with ./atelier up (in another terminal)");
            System.exit(1);
        }
        Properties p = load(endpointsFile);
        String session = p.getProperty("session");
        String gallery = p.getProperty("gallery");
        apiKey = Files.readString(data.resolve(LocalStack.API_KEY_FILE)).strip();
        HttpClient http = HttpClient.newHttpClient();
        String sessionId = field(post(http, session + "/api/sessions", "{\"title\":\"TerraBrew hero (demo)\"}"), "sessionId");
        Path photo = root.resolve("docs/sample-photos/coffee.png");
        String root0 = field(upload(http, session + "/api/sessions/" + sessionId + "/source", photo), "stepId");
        System.out.println("[atelier] session " + sessionId + ": uploaded " + photo.getFileName());
        String crop = step(http, session, gallery, sessionId, root0, "Crop to a 1:1 square format, keeping the cup centred");
        String warm = step(http, session, gallery, sessionId, crop, "Warm the light slightly, golden hour feel");
        step(http, session, gallery, sessionId, warm, "Make it 20% brighter");
        step(http, session, gallery, sessionId, root0, "Make it black and white");
        System.out.println("[atelier] branch tree: " + gallery + "/api/sessions/" + sessionId);
        JsonNode tree = EventCodec.mapper().readTree(get(http, gallery + "/api/sessions/" + sessionId));
        for (JsonNode step : tree.path("steps")) {
            System.out.printf("  %-9s %s  %s%n", step.path("status").asText(), step.path("stepId").asText(),
                    step.path("instruction").isNull() ? "(original)" : step.path("instruction").asText());
            if (step.has("image") && !step.path("image").isNull()) {
                System.out.println("            " + gallery + step.path("image").path("url").asText()
                        + "  (" + step.path("image").path("width").asInt() + "×" + step.path("image").path("height").asInt() + ")");
            }
        }
    }

    // Requests a step and waits until the gallery shows it rendered (or failed), as a person would.
    private static String step(HttpClient http, String session, String gallery, String sessionId, String parent, String instruction)
            throws IOException, InterruptedException {
        String body = EventCodec.mapper().createObjectNode().put("parentStepId", parent).put("instruction", instruction).toString();
        String stepId = field(post(http, session + "/api/sessions/" + sessionId + "/steps", body), "stepId");
        Instant deadline = Instant.now().plusSeconds(60);
        String status = "pending";
        while (status.equals("pending") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            JsonNode tree = EventCodec.mapper().readTree(get(http, gallery + "/api/sessions/" + sessionId));
            for (JsonNode s : tree.path("steps")) {
                if (s.path("stepId").asText().equals(stepId)) {
                    status = s.path("status").asText();
                }
            }
        }
        System.out.println("[atelier]   " + status + ": " + instruction);
        return stepId;
    }

    private static String post(HttpClient http, String url, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("POST " + url + " → " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static String upload(HttpClient http, String url, Path file) throws IOException, InterruptedException {
        String boundary = "atelier-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" + file.getFileName()
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readAllBytes();
        }
        byte[] body = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(bytes, 0, body, head.length, bytes.length);
        System.arraycopy(tail, 0, body, head.length + bytes.length, tail.length);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("upload → " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static String get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + apiKey).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String field(String json, String name) throws IOException {
        JsonNode value = EventCodec.mapper().readTree(json).get(name);
        if (value == null) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return value.asText();
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        try (var in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }
}
