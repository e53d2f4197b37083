package io.atelier.stack;

import com.fasterxml.jackson.databind.JsonNode;
import io.atelier.events.EventCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline latency benchmark of {@code bench/pipeline.sh}: starts the local stack on free ports, then, one step at a
 * time, POSTs "mirror it" on a 600×400 photo and waits for the step to arrive rendered on the gallery's event stream.
 * The time from POST to that event, minus the worker's own render time, is what the pipeline adds. On the same broker
 * in the same run it then runs Kafka's own {@code EndToEndLatency} tool, the floor to compare against. Prints markdown.
 *
 * <p>Arguments: {@code <steps> <warm-up steps> <photo.png> <report.md> [root|chain]}: each step from the session's original
 * (root, the default), or each from the step before it (chain), as a person refines a picture; a chained step is
 * measured for drift twice, against its parent and against the original.
 */
public final class PipelineBench {
    private static final int STEPS_PER_SESSION = 25; // a session's tree goes out whole on every event: keep it the size a person makes

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    // each step's first rendered arrival; the stepping thread blocks on it rather than polling (on two cores a polling
    // client takes CPU from the services it measures)
    private final Map<UUID, java.util.concurrent.CompletableFuture<Arrival>> arrivals = new ConcurrentHashMap<>();
    private final String key;
    private final Endpoints endpoints;
    private final boolean chain;

    private record Arrival(long nanos, java.time.Instant at, long renderMillis, JsonNode timings) {
    }

    /** One step's measurement: POST to rendered-on-stream, the worker's render time within it, and the wall clock at both ends. */
    record Sample(UUID step, double totalMillis, double renderMillis, JsonNode timings, java.time.Instant posted, java.time.Instant arrived) {
        double overheadMillis() {
            return totalMillis - renderMillis;
        }
    }

    private PipelineBench(Endpoints endpoints, String key, boolean chain) {
        this.endpoints = endpoints;
        this.key = key;
        this.chain = chain;
    }

    public static void main(String[] args) throws Exception {
        int steps = Integer.parseInt(args[0]);
        int warmUp = Integer.parseInt(args[1]);
        byte[] photo = Files.readAllBytes(Path.of(args[2]));
        Path root = Path.of(System.getProperty("atelier.root", ".")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory("atelier-pipeline-bench");
        try (LocalStack stack = LocalStack.start(root, data, StackPorts.random(), 1)) {
            PipelineBench bench = new PipelineBench(stack.endpoints(), stack.apiKey(), args.length > 4 && args[4].equals("chain"));
            List<Sample> samples = bench.run(steps, warmUp, photo);
            int records = Math.max(1000, steps * 5);
            String kafka = endToEndLatency(root, stack.endpoints().kafkaBootstrap(), records)
                    + "\n" + TransactionalLatency.measure(stack.endpoints().kafkaBootstrap(), records);
            Files.writeString(Path.of(args[3]), report(samples, kafka));
        } finally {
            try (var files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private List<Sample> run(int steps, int warmUp, byte[] photo) throws Exception {
        List<Sample> samples = new ArrayList<>();
        int done = 0;
        while (done < steps + warmUp) {
            Session session = open(photo);
            Thread reader = stream(session.id());
            try {
                UUID parent = session.root();
                for (int i = 0; i < STEPS_PER_SESSION && done < steps + warmUp; i++, done++) {
                    Sample s = step(session, parent);
                    parent = chain ? s.step() : session.root();
                    if (done >= warmUp) {
                        samples.add(s);
                    }
                }
            } finally {
                reader.interrupt();
            }
        }
        return samples;
    }

    private record Session(UUID id, UUID root) {
    }

    private Session open(byte[] photo) throws Exception {
        String boundary = "bench" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\npipeline bench\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"coffee.png\"\r\nContent-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoints.sessionUrl() + "/api/sessions"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, photo, tail))).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("opening a session: " + r.statusCode() + " " + r.body());
        }
        JsonNode body = EventCodec.mapper().readTree(r.body());
        return new Session(UUID.fromString(body.path("sessionId").asText()), UUID.fromString(body.path("source").path("stepId").asText()));
    }

    // reads the session's event stream on a thread of its own, noting when each step first arrives rendered
    private Thread stream(UUID session) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (http.send(HttpRequest.newBuilder(URI.create(endpoints.galleryUrl() + "/api/sessions/" + session))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("session " + session + " did not reach the gallery within 30 s");
            }
            Thread.sleep(20); // the gallery has not projected the new session yet
        }
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(endpoints.galleryUrl() + "/api/sessions/" + session + "/events"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("event stream: " + r.statusCode());
        }
        Thread t = Thread.ofPlatform().daemon().name("sse-" + session).start(() -> {
            try (InputStream in = r.body(); BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while (!Thread.currentThread().isInterrupted() && (line = lines.readLine()) != null) {
                    if (!line.startsWith("data:")) {
                        continue;
                    }
                    long now = System.nanoTime();
                    java.time.Instant at = java.time.Instant.now();
                    for (JsonNode step : EventCodec.mapper().readTree(line.substring(5)).path("steps")) {
                        if ("rendered".equals(step.path("status").asText()) && !step.path("durationMillis").isNull()
                                && !step.path("durationMillis").isMissingNode()) {
                            arrival(UUID.fromString(step.path("stepId").asText()))
                                    .complete(new Arrival(now, at, step.path("durationMillis").asLong(), step.path("timings")));
                        }
                    }
                }
            } catch (IOException e) {
                // the stream ends when the next session starts
            }
        });
        Thread.sleep(200); // the first event (the tree now) is on its way: the stream is subscribed
        return t;
    }

    private Sample step(Session session, UUID parent) throws Exception {
        String body = "{\"parentStepId\":\"" + parent + "\",\"instruction\":\"mirror it\"}";
        java.time.Instant posted = java.time.Instant.now();
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoints.sessionUrl() + "/api/sessions/" + session.id() + "/steps"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException("requesting a step: " + r.statusCode() + " " + r.body());
        }
        UUID step = UUID.fromString(EventCodec.mapper().readTree(r.body()).path("stepId").asText());
        Arrival a;
        try {
            a = arrival(step).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("step " + step + " did not arrive rendered within 30 s");
        }
        return new Sample(step, (a.nanos() - t0) / 1e6, a.renderMillis(), a.timings(), posted, a.at());
    }

    private java.util.concurrent.CompletableFuture<Arrival> arrival(UUID step) {
        return arrivals.computeIfAbsent(step, id -> new java.util.concurrent.CompletableFuture<>());
    }

    // Kafka's own produce→consume round trip (acks=all, 512-byte records) on the stack's broker
    private static String endToEndLatency(Path root, String bootstrap, int records) throws Exception {
        String classpath = Jvm.classpathFile(root.resolve("deploy/kafka-runtime/target/classpath.txt"));
        Process p = new ProcessBuilder(Jvm.command(List.of("-Xmx256m", "-cp", classpath), "org.apache.kafka.tools.EndToEndLatency",
                bootstrap, "atelier.bench-e2e-latency", Integer.toString(records), "all", "512"))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("EndToEndLatency failed:\n" + out);
        }
        return out.lines().filter(l -> l.startsWith("Avg latency") || l.startsWith("Percentiles")).reduce((a, b) -> a + "\n" + b).orElse(out);
    }

    static double percentile(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static String report(List<Sample> samples, String kafka) {
        double[] total = samples.stream().mapToDouble(Sample::totalMillis).sorted().toArray();
        double[] render = samples.stream().mapToDouble(Sample::renderMillis).sorted().toArray();
        double[] overhead = samples.stream().mapToDouble(Sample::overheadMillis).sorted().toArray();
        StringBuilder b = new StringBuilder();
        b.append("| measure (ms, ").append(samples.size()).append(" steps) | p50 | p90 | p99 | max |\n|---|---:|---:|---:|---:|\n");
        row(b, "POST → rendered on the event stream", total);
        row(b, "worker render (durationMillis)", render);
        row(b, "pipeline overhead (the difference)", overhead);
        hops(b, samples);
        // the worker's time after its render: storing the picture and thumbnail, and a chained step's drift against the original
        double[] after = samples.stream().filter(s -> mark(s, "renderStarted") != null && mark(s, "rendered") != null)
                .mapToDouble(s -> Duration.between(mark(s, "renderStarted"), mark(s, "rendered")).toNanos() / 1e6 - s.renderMillis()).sorted().toArray();
        if (after.length > 0) {
            row(b, "worker after its render (store; drift against the original)", after);
        }
        b.append("\nKafka EndToEndLatency on the same broker (acks=all, 512 B), then the same round trip in a Kafka transaction, as each")
                .append(" of the step's three Kafka hops makes it:\n\n```\n").append(kafka).append("\n```\n");
        return b.toString();
    }

    // per-hop percentiles from the steps' timings (same machine, one clock), with the bench's own clock at both ends
    private static void hops(StringBuilder b, List<Sample> samples) {
        String[] marks = {"posted", "accepted", "published", "renderStarted", "rendered", "recorded", "outcomePublished", "onStream"};
        for (int i = 1; i < marks.length; i++) {
            String from = marks[i - 1];
            String to = marks[i];
            double[] d = samples.stream().filter(s -> mark(s, from) != null && mark(s, to) != null)
                    .mapToDouble(s -> Duration.between(mark(s, from), mark(s, to)).toNanos() / 1e6).sorted().toArray();
            if (d.length > 0) {
                row(b, "hop " + from + " → " + to, d);
            }
        }
    }

    private static java.time.Instant mark(Sample s, String name) {
        return switch (name) {
            case "posted" -> s.posted();
            case "onStream" -> s.arrived();
            default -> s.timings() != null && s.timings().hasNonNull(name) ? java.time.Instant.parse(s.timings().get(name).asText()) : null;
        };
    }

    private static void row(StringBuilder b, String name, double[] sorted) {
        b.append("| ").append(name).append(" | ").append(fmt(percentile(sorted, 50))).append(" | ").append(fmt(percentile(sorted, 90)))
                .append(" | ").append(fmt(percentile(sorted, 99))).append(" | ").append(fmt(sorted[sorted.length - 1])).append(" |\n");
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
