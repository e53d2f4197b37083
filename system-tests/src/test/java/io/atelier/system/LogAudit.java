package io.atelier.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atelier.events.EventEnvelope;
import io.atelier.events.ImageRef;
import io.atelier.events.ImageRendered;
import io.atelier.events.InstructionRequested;
import io.atelier.events.KafkaEvents;
import io.atelier.events.RenderFailed;
import io.atelier.events.SourceImageAdded;
import io.atelier.stack.Endpoints;
import io.atelier.stack.LocalStack;
import io.atelier.stack.ProjectionReplay;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The checks every fault test makes once the fault is over, in one place: the gallery settles with no step pending;
 * in the committed log every accepted instruction was requested and has exactly one terminal event and no step
 * appears twice; every image an event names exists in S3 with its recorded size; a gallery replayed from offset 0
 * equals the live one.
 */
final class LogAudit {
    private LogAudit() {
    }

    /** What the log showed: instructions accepted, lost and duplicated (both must be 0), records delivered twice by the outbox. */
    record Result(int instructions, int requested, int lost, int duplicated, int redelivered) {
    }

    /** Waits until the gallery shows every session with at least its accepted steps and none pending. */
    static void awaitSettled(String galleryUrl, String key, Map<UUID, List<UUID>> accepted, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (Map.Entry<UUID, List<UUID>> s : accepted.entrySet()) {
                List<String> statuses = io.restassured.RestAssured.given().header("Authorization", "Bearer " + key)
                        .get(galleryUrl + "/api/sessions/" + s.getKey()).then().statusCode(200).extract().jsonPath().getList("steps.status");
                assertThat(statuses).as("session " + s.getKey()).hasSizeGreaterThanOrEqualTo(1 + s.getValue().size()).doesNotContain("pending");
            }
        });
    }

    /**
     * Audits the committed log of the given sessions against what the client was told was accepted. A record the outbox
     * relay delivered twice (same event id: a crash between its Kafka commit and marking the row) is counted, not failed:
     * the relay is at-least-once by design and consumers drop what they have applied; a second distinct event for a step is a failure.
     */
    static Result audit(Endpoints endpoints, Map<UUID, List<UUID>> accepted) throws Exception {
        List<ConsumerRecord<String, byte[]>> records = SessionLog.records(endpoints.kafkaBootstrap());
        MinioClient s3 = MinioClient.builder().endpoint(endpoints.s3Endpoint()).credentials(endpoints.s3AccessKey(), endpoints.s3SecretKey()).build();
        int instructions = 0;
        int requestedTotal = 0;
        int lost = 0;
        int duplicated = 0;
        int redelivered = 0;
        for (Map.Entry<UUID, List<UUID>> s : accepted.entrySet()) {
            UUID id = s.getKey();
            List<EventEnvelope> all = records.stream().filter(r -> r.key().equals(id.toString())).map(KafkaEvents::decode).toList();
            Map<UUID, EventEnvelope> distinct = new LinkedHashMap<>();
            all.forEach(e -> distinct.putIfAbsent(e.eventId(), e));
            redelivered += all.size() - distinct.size();
            List<EventEnvelope> events = new ArrayList<>(distinct.values());
            assertThat(events).extracting(EventEnvelope::sequence).as("session %s: one event per sequence, no gap", id)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
            List<UUID> requested = events.stream().map(EventEnvelope::event).filter(InstructionRequested.class::isInstance)
                    .map(e -> ((InstructionRequested) e).stepId()).toList();
            List<UUID> finished = events.stream().map(EventEnvelope::event).map(e -> switch (e) {
                case ImageRendered r -> r.stepId();
                case RenderFailed f -> f.stepId();
                case io.atelier.events.RenderCancelled c -> c.stepId();
                default -> null; // GenerationStarted is progress, not an end
            }).filter(Objects::nonNull).toList();
            instructions += s.getValue().size();
            requestedTotal += requested.size();
            lost += (int) s.getValue().stream().filter(step -> !finished.contains(step)).count();
            duplicated += finished.size() - (int) finished.stream().distinct().count()
                    + requested.size() - (int) requested.stream().distinct().count();
            assertThat(requested).as("requested steps of %s", id).doesNotHaveDuplicates().containsAll(s.getValue());
            assertThat(finished).as("exactly one terminal event per requested step of %s", id).containsExactlyInAnyOrderElementsOf(requested);
            for (EventEnvelope e : events) {
                List<ImageRef> refs = switch (e.event()) {
                    case ImageRendered r -> List.of(r.image(), r.thumbnail());
                    case SourceImageAdded a -> List.of(a.image(), a.thumbnail());
                    default -> List.of();
                };
                for (ImageRef ref : refs) {
                    assertThat(s3.statObject(StatObjectArgs.builder().bucket("atelier-images").object(ref.key()).build()).size())
                            .as("stored object %s", ref.key()).isEqualTo(ref.bytes());
                }
            }
        }
        return new Result(instructions, requestedTotal, lost, duplicated, redelivered);
    }

    /**
     * Replays the whole log into a fresh gallery database beside the live one, asserts each session's digest equals the
     * live one, stops the replaying gallery, and returns the replay's rate in events per second.
     */
    static double replayEqualsLive(LocalStack stack, Collection<UUID> sessions, String label) throws Exception {
        var ends = ProjectionReplay.endOffsets(stack.endpoints().kafkaBootstrap());
        String database = "atelier_gallery_" + label + "_" + System.nanoTime();
        stack.startReplayGallery(database);
        try {
            ProjectionReplay.awaitCaughtUp(stack.jdbcUrl(database), stack.jdbcUser(), ends, Duration.ofSeconds(120));
            Duration projecting = ProjectionReplay.projectionSpan(stack.jdbcUrl(database), stack.jdbcUser());
            long events = ProjectionReplay.events(stack.jdbcUrl(database), stack.jdbcUser());
            var live = ProjectionReplay.digests(stack.endpoints().galleryJdbcUrl(), stack.jdbcUser());
            var replay = ProjectionReplay.digests(stack.jdbcUrl(database), stack.jdbcUser());
            for (UUID id : sessions) {
                assertThat(replay.get(id)).as("replayed digest of " + id).isNotNull().isEqualTo(live.get(id));
            }
            double rate = events / Math.max(0.001, projecting.toNanos() / 1e9);
            System.out.printf("[%s] replay: %d events in %d ms, %.0f events/s%n", label, events, projecting.toMillis(), rate);
            return rate;
        } finally {
            stack.stopService("gallery-" + database);
        }
    }
}
