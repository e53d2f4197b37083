package io.atelier.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atelier.events.EventEnvelope;
import io.atelier.events.ImageRef;
import io.atelier.events.ImageRendered;
import io.atelier.events.InstructionRequested;
import io.atelier.events.RenderFailed;
import io.atelier.stack.ProjectionReplay;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault test on the real stack with two workers: one worker is SIGKILLed three times while 48 instructions over
 * 8 sessions are rendered. Its supervisor starts it again; afterwards every accepted instruction has exactly one
 * terminal event, no event appears twice, every image an event names exists, and a replay equals the live projection.
 */
@ExtendWith(RunningStack.class)
class WorkerKillTest {
    private static final List<String> INSTRUCTIONS = List.of("make it 20% brighter", "warm the light slightly", "black and white",
            "more contrast", "a soft vignette", "sharpen a little");
    private static final int SESSIONS = 8;
    private static final String VICTIM = "render-worker-2";

    @Test
    void killingAWorkerMidRenderLosesNothingAndDuplicatesNothing() throws Exception {
        var stack = RunningStack.stack();
        var endpoints = RunningStack.endpoints();
        Map<UUID, UUID> roots = new LinkedHashMap<>();
        for (int s = 0; s < SESSIONS; s++) {
            UUID id = Api.newSession("worker kill " + s);
            roots.put(id, Api.uploadPhoto(id));
        }
        Map<UUID, List<UUID>> accepted = new LinkedHashMap<>();
        roots.keySet().forEach(id -> accepted.put(id, new ArrayList<>()));
        int sent = 0;
        int kills = 0;
        int restartsBefore = stack.restarts(VICTIM);
        for (String instruction : INSTRUCTIONS) {
            for (Map.Entry<UUID, UUID> s : roots.entrySet()) {
                if (++sent % 14 == 0) {
                    // it is rendering: requests are arriving faster than two workers finish them; the last kill has been restarted
                    int killedSoFar = kills;
                    await().atMost(Duration.ofSeconds(60)).until(() -> stack.restarts(VICTIM) - restartsBefore == killedSoFar);
                    System.out.println("[WorkerKillTest] SIGKILL " + VICTIM + " (pid " + stack.killService(VICTIM) + ") after " + sent + " instructions");
                    kills++;
                }
                String stepId = given().contentType(ContentType.JSON).body(Map.of("parentStepId", s.getValue().toString(), "instruction", instruction))
                        .post(Api.session() + "/api/sessions/" + s.getKey() + "/steps").then().statusCode(202).extract().path("stepId");
                accepted.get(s.getKey()).add(UUID.fromString(stepId));
            }
        }
        Instant t0 = Instant.now();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (UUID id : roots.keySet()) {
                assertThat(Api.tree(id).getList("steps.status", String.class)).as("session " + id)
                        .hasSize(1 + INSTRUCTIONS.size()).doesNotContain("pending");
            }
        });
        System.out.println("[WorkerKillTest] all finished " + Duration.between(t0, Instant.now()).toMillis() + " ms after the last was accepted");
        assertThat(stack.restarts(VICTIM) - restartsBefore).as("supervisor restarts of " + VICTIM).isEqualTo(kills);

        MinioClient s3 = MinioClient.builder().endpoint(endpoints.s3Endpoint()).credentials(endpoints.s3AccessKey(), endpoints.s3SecretKey()).build();
        for (UUID id : roots.keySet()) {
            List<EventEnvelope> events = SessionLog.eventsOf(endpoints.kafkaBootstrap(), id);
            assertThat(events).extracting(EventEnvelope::sequence).containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
            assertThat(events).extracting(EventEnvelope::eventId).doesNotHaveDuplicates();
            List<UUID> requested = events.stream().map(EventEnvelope::event).filter(InstructionRequested.class::isInstance)
                    .map(e -> ((InstructionRequested) e).stepId()).toList();
            List<UUID> finished = events.stream().map(EventEnvelope::event).map(e -> switch (e) {
                case ImageRendered r -> r.stepId();
                case RenderFailed f -> f.stepId();
                default -> null;
            }).filter(Objects::nonNull).toList();
            assertThat(requested).containsExactlyInAnyOrderElementsOf(accepted.get(id));
            assertThat(finished).as("exactly one terminal event per accepted instruction").containsExactlyInAnyOrderElementsOf(accepted.get(id));
            for (EventEnvelope e : events) {
                if (e.event() instanceof ImageRendered r) {
                    for (ImageRef ref : List.of(r.image(), r.thumbnail())) {
                        assertThat(s3.statObject(StatObjectArgs.builder().bucket("atelier-images").object(ref.key()).build()).size())
                                .as(ref.key()).isEqualTo(ref.bytes());
                    }
                }
            }
        }
        Outcomes outcomes = Outcomes.of(endpoints.kafkaBootstrap(), accepted.values().stream().flatMap(List::stream).toList());
        System.out.printf("[WorkerKillTest] instructions %d, kills %d, lost %d, duplicated %d%n", outcomes.accepted(), kills, outcomes.lost(), outcomes.duplicated());
        assertThat(outcomes.lost() + outcomes.duplicated()).as("lost plus duplicated steps").isZero();

        // replay equals live for these sessions
        String kafka = endpoints.kafkaBootstrap();
        var ends = ProjectionReplay.endOffsets(kafka);
        String database = "atelier_gallery_kill_" + System.nanoTime();
        stack.startReplayGallery(database);
        ProjectionReplay.awaitCaughtUp(stack.jdbcUrl(database), stack.jdbcUser(), ends, Duration.ofSeconds(120));
        Duration projecting = ProjectionReplay.projectionSpan(stack.jdbcUrl(database), stack.jdbcUser());
        long records = ProjectionReplay.events(stack.jdbcUrl(database), stack.jdbcUser());
        System.out.printf("[WorkerKillTest] replay: %d events in %d ms, %.0f events/s%n", records, projecting.toMillis(),
                records / Math.max(0.001, projecting.toNanos() / 1e9));
        var live = ProjectionReplay.digests(endpoints.galleryJdbcUrl(), stack.jdbcUser());
        var replay = ProjectionReplay.digests(stack.jdbcUrl(database), stack.jdbcUser());
        for (UUID id : roots.keySet()) {
            assertThat(replay.get(id)).as("replayed digest of " + id).isEqualTo(live.get(id));
        }
    }
}
