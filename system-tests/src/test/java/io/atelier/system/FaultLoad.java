package io.atelier.system;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client's load on one stack during a fault: trivial built-in instructions over several sessions, sent by a few
 * threads at a steady pace. Each instruction carries its own Idempotency-Key and is retried (with the same key)
 * while the service is unreachable or answers 5xx, as a well-behaved client does, so every instruction is
 * accepted exactly once in the end.
 */
final class FaultLoad {
    /** Cheap built-in operations: the fault tests measure delivery, not rendering. */
    static final List<String> INSTRUCTIONS = List.of("make it 20% brighter", "black and white", "mirror it", "make it 10% darker",
            "more contrast", "warm the light slightly", "cooler", "sharpen a little", "more vibrant", "a soft vignette");

    private final String sessionUrl;
    private final String key;
    private final Map<UUID, UUID> roots = new LinkedHashMap<>();
    private final Map<UUID, List<UUID>> accepted = new LinkedHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final Map<Integer, AtomicInteger> serverErrors = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final java.util.function.Supplier<String> serviceErrors;

    private FaultLoad(String sessionUrl, String key, java.util.function.Supplier<String> serviceErrors) {
        this.sessionUrl = sessionUrl;
        this.key = key;
        this.serviceErrors = serviceErrors;
    }

    /**
     * Opens the sessions, each with the test photo as its source, retrying a 503 as a client should; any other
     * failure names the answer and {@code serviceErrors} (what session-service last logged), so a CI log says why.
     */
    static FaultLoad open(String sessionUrl, String key, String label, int sessions, java.util.function.Supplier<String> serviceErrors) {
        FaultLoad load = new FaultLoad(sessionUrl, key, serviceErrors);
        for (int s = 0; s < sessions; s++) {
            String title = label + " " + s;
            UUID id = UUID.fromString(load.created("open a session", () -> load.given().contentType(ContentType.JSON)
                    .body(Map.of("title", title)).post(sessionUrl + "/api/sessions")).path("sessionId"));
            load.roots.put(id, UUID.fromString(load.created("upload a source", () -> load.given()
                    .multiPart("image", "coffee.png", Api.coffee(), "application/octet-stream")
                    .post(sessionUrl + "/api/sessions/" + id + "/source")).path("stepId")));
            load.accepted.put(id, Collections.synchronizedList(new ArrayList<>()));
        }
        return load;
    }

    // a 503 is asked again every Retry-After seconds until it is something else, for a minute at most
    private Response created(String what, java.util.function.Supplier<Response> request) {
        java.util.concurrent.atomic.AtomicReference<Response> last = new java.util.concurrent.atomic.AtomicReference<>(request.get());
        if (last.get().statusCode() == 503) {
            String after = last.get().header("Retry-After");
            if (after == null) {
                throw new AssertionError(what + ": 503 without Retry-After: " + last.get().asString());
            }
            Duration wait = Duration.ofSeconds(Long.parseLong(after));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollDelay(wait).pollInterval(wait).until(() -> {
                count(503);
                retries.incrementAndGet();
                last.set(request.get());
                return last.get().statusCode() != 503;
            });
        }
        Response r = last.get();
        if (r.statusCode() != 201) {
            count(r.statusCode());
            throw new AssertionError(what + ": " + r.statusCode() + " " + r.asString() + "\nsession-service logged: " + serviceErrors.get());
        }
        return r;
    }

    private void count(int status) {
        if (status >= 500) {
            serverErrors.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    /**
     * Sends {@code perSession} instructions to every session from {@code threads} threads, spread evenly over
     * {@code spread} (zero: as fast as they go), and returns once every one has been accepted.
     */
    void send(int perSession, Duration spread, int threads) throws Exception {
        List<Map.Entry<UUID, String>> work = new ArrayList<>();
        for (int i = 0; i < perSession; i++) {
            for (UUID id : roots.keySet()) {
                work.add(Map.entry(id, INSTRUCTIONS.get(i % INSTRUCTIONS.size())));
            }
        }
        Instant t0 = Instant.now();
        long gapNanos = spread.toNanos() / Math.max(1, work.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < work.size(); i++) {
                Instant at = t0.plusNanos(gapNanos * i);
                Map.Entry<UUID, String> w = work.get(i);
                done.add(pool.submit(() -> {
                    Duration wait = Duration.between(Instant.now(), at);
                    if (!wait.isNegative()) {
                        Thread.sleep(wait);
                    }
                    accepted.get(w.getKey()).add(acceptOnce(w.getKey(), w.getValue()));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // one instruction, retried with the same key until accepted: a retry of a committed one gets the first answer again
    private UUID acceptOnce(UUID session, String instruction) throws InterruptedException {
        String idempotencyKey = UUID.randomUUID().toString();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
        sent.incrementAndGet();
        Duration pause = Duration.ofMillis(200);
        while (true) {
            try {
                Response r = given().header("Idempotency-Key", idempotencyKey).contentType(ContentType.JSON)
                        .body(Map.of("parentStepId", roots.get(session).toString(), "instruction", instruction))
                        .post(sessionUrl + "/api/sessions/" + session + "/steps");
                if (r.statusCode() == 202) {
                    return UUID.fromString(r.path("stepId"));
                }
                count(r.statusCode());
                if (r.statusCode() < 500 && r.statusCode() != 429) {
                    throw new AssertionError("instruction refused with " + r.statusCode() + ": " + r.asString()
                            + "\nsession-service logged: " + serviceErrors.get());
                }
            } catch (Exception e) {
                // connection refused or reset while the service is down: RestAssured throws the IOException as it is
                if (!(e instanceof java.io.IOException) && !(e.getCause() instanceof java.io.IOException)) {
                    throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("an instruction was not accepted within 150 s of retries");
            }
            retries.incrementAndGet();
            Thread.sleep(pause);
            pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2) : pause.multipliedBy(2);
        }
    }

    private io.restassured.specification.RequestSpecification given() {
        return RestAssured.given().header("Authorization", "Bearer " + key);
    }

    /** Accepted step ids by session. */
    Map<UUID, List<UUID>> accepted() {
        return accepted;
    }

    /** How many instructions have been handed to the senders so far. */
    int sent() {
        return sent.get();
    }

    /** How many times a sender had to try again. */
    int retries() {
        return retries.get();
    }

    /** The 5xx answers the client got, by status. */
    Map<Integer, Integer> serverErrors() {
        Map<Integer, Integer> out = new java.util.TreeMap<>();
        serverErrors.forEach((status, n) -> out.put(status, n.get()));
        return out;
    }

    /** session-service's last logged errors, for a failure message. */
    String serviceErrors() {
        return serviceErrors.get();
    }
}
