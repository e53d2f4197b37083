package io.atelier.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.events.EventEnvelope;
import io.atelier.events.ImageRendered;
import io.atelier.events.InstructionRequested;
import io.atelier.events.KafkaEvents;
import io.atelier.events.RenderFailed;
import io.atelier.platform.storage.ImageStore;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The refinement loop end to end on the real stack: REST in, Kafka, workers, S3, projection, REST out. */
@ExtendWith(RunningStack.class)
class RefinementLoopTest {

    @Test
    void chainThreeInstructionsThenBranchFromTheFirst() throws Exception {
        UUID session = Api.newSession("TerraBrew hero");
        UUID root = Api.uploadPhoto(session);
        UUID crop = Api.step(session, root, "Crop to a 1:1 square format, keeping the cup centred");
        assertThat(Api.awaitFinished(session, crop)).isEqualTo("rendered");
        UUID warm = Api.step(session, crop, "warm the light slightly");
        assertThat(Api.awaitFinished(session, warm)).isEqualTo("rendered");
        UUID darker = Api.step(session, warm, "make it 20% darker");
        assertThat(Api.awaitFinished(session, darker)).isEqualTo("rendered");
        UUID mono = Api.step(session, crop, "black and white");
        assertThat(Api.awaitFinished(session, mono)).isEqualTo("rendered");

        JsonPath tree = Api.tree(session);
        assertThat(tree.getString("rootStepId")).isEqualTo(root.toString());
        assertThat(tree.getList("steps.status")).hasSize(5).containsOnly("rendered");
        Map<String, String> parents = new java.util.HashMap<>();
        tree.getList("steps", Map.class).forEach(s -> parents.put((String) s.get("stepId"), (String) s.get("parentStepId")));
        assertThat(parents).containsEntry(root.toString(), null).containsEntry(crop.toString(), root.toString())
                .containsEntry(warm.toString(), crop.toString()).containsEntry(darker.toString(), warm.toString())
                .containsEntry(mono.toString(), crop.toString());
        // two branches grow from the crop
        assertThat(tree.getList("steps.find { it.stepId == '" + crop + "' }.childStepIds")).containsExactlyInAnyOrder(warm.toString(), mono.toString());
        assertThat(tree.getString("steps.find { it.stepId == '" + crop + "' }.plan.operations[0].op")).isEqualTo("crop-to-aspect");
        // "keeping the cup centred" anchors on the subject estimate, which runs OpenCV inside the packaged worker
        assertThat(tree.getString("steps.find { it.stepId == '" + crop + "' }.plan.operations[0].anchor")).isEqualTo("subject");
        // …and the render says how it found the subject: the model when installed, else GrabCut
        assertThat(tree.getString("steps.find { it.stepId == '" + crop + "' }.subjectMethod")).isIn(
                io.atelier.engine.subject.IsNetModel.METHOD, io.atelier.engine.subject.CentrePriorGrabCut.METHOD);
        assertThat(tree.getString("steps.find { it.stepId == '" + mono + "' }.subjectMethod")).isEqualTo("none");

        // the crop, decoded from the bytes the gallery streams, is square
        String cropUrl = tree.getString("steps.find { it.stepId == '" + crop + "' }.image.url");
        byte[] png = given().get(Api.gallery() + cropUrl).then().statusCode(200).contentType("image/png")
                .header("Cache-Control", org.hamcrest.Matchers.containsString("immutable")).extract().asByteArray();
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(decoded.getWidth()).isEqualTo(decoded.getHeight()).isEqualTo(400);

        // every ImageRendered names objects that exist in S3, and the session's sequence has no gap
        List<EventEnvelope> events = SessionLog.eventsOf(RunningStack.endpoints().kafkaBootstrap(), session);
        assertThat(events).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        List<ImageRendered> rendered = events.stream().map(EventEnvelope::event)
                .filter(ImageRendered.class::isInstance).map(ImageRendered.class::cast).toList();
        assertThat(rendered).hasSize(4);
        var e = RunningStack.endpoints();
        try (ImageStore store = new ImageStore(e.s3Endpoint(), "us-east-1", e.s3AccessKey(), e.s3SecretKey(), "atelier-images")) {
            for (ImageRendered r : rendered) {
                assertThat(store.exists(r.image().key())).as(r.image().key()).isTrue();
                assertThat(store.exists(r.thumbnail().key())).as(r.thumbnail().key()).isTrue();
            }
            // the subject found for the crop is kept beside its image, for the branches that grow from it
            ImageRendered cropped = rendered.get(0);
            assertThat(store.exists(io.atelier.platform.storage.ImageKeys.matte(events.get(0).workspaceId(), cropped.subjectMethod(),
                    cropped.image().sha256()))).as("matte of the crop").isTrue();
        }
    }

    @Test
    void aBranchOfSubjectEditsFindsTheSubjectOnceAndReusesTheMatte() {
        double before = Api.workerMetric("atelier_subject_detections_total");
        UUID session = Api.newSession("matte cache");
        // a photo no other test uploads: mattes are cached per workspace and image hash, so coffee.png may already have one
        UUID root = UUID.fromString(Api.upload(session, "coffee-variant.png", Api.coffeeWithOnePixelChanged(0x000101))
                .then().statusCode(201).extract().path("stepId"));
        UUID blur = Api.step(session, root, "blur the background");
        assertThat(Api.awaitFinished(session, blur)).isEqualTo("rendered");
        UUID vignette = Api.step(session, blur, "a vignette around the cup");
        assertThat(Api.awaitFinished(session, vignette)).isEqualTo("rendered");
        UUID crop = Api.step(session, vignette, "crop square keeping the cup centred");
        assertThat(Api.awaitFinished(session, crop)).isEqualTo("rendered");
        UUID shadow = Api.step(session, crop, "light from the left casting shadows");
        assertThat(Api.awaitFinished(session, shadow)).isEqualTo("rendered");
        // four subject edits in a row, one segmentation: the rest came from the mattes kept beside the images
        assertThat(Api.workerMetric("atelier_subject_detections_total") - before).isEqualTo(1.0);
        JsonPath tree = Api.tree(session);
        for (UUID step : List.of(blur, vignette, crop, shadow)) {
            assertThat(tree.getString("steps.find { it.stepId == '" + step + "' }.subjectMethod")).isIn(
                    io.atelier.engine.subject.IsNetModel.METHOD, io.atelier.engine.subject.CentrePriorGrabCut.METHOD);
        }
    }

    @Test
    void eventsCarryCloudEventsHeadersAndTheSessionKey() {
        UUID session = Api.newSession("headers");
        Api.uploadPhoto(session);
        List<ConsumerRecord<String, byte[]>> records = SessionLog.records(RunningStack.endpoints().kafkaBootstrap()).stream()
                .filter(r -> r.key().equals(session.toString())).toList();
        assertThat(records).hasSize(2);
        ConsumerRecord<String, byte[]> first = records.get(0);
        assertThat(KafkaEvents.header(first.headers(), "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaEvents.header(first.headers(), "ce_type")).isEqualTo("io.atelier.session.SessionStarted.v1");
        assertThat(KafkaEvents.header(first.headers(), "ce_subject")).isEqualTo(session.toString());
        assertThat(KafkaEvents.header(first.headers(), "ce_id")).isEqualTo(KafkaEvents.decode(first).eventId().toString());
        assertThat(KafkaEvents.header(first.headers(), "content-type")).isEqualTo("application/json");
    }

    @Test
    void anInstructionTheProviderRefusesFailsVisiblyWithItsReason() {
        UUID session = Api.newSession("synthesis");
        UUID root = Api.uploadPhoto(session);
        UUID refused = Api.step(session, root, "Add a weapon beside the coffee mug");
        assertThat(Api.awaitFinished(session, refused)).isEqualTo("failed");
        JsonPath tree = Api.tree(session);
        String prefix = "steps.find { it.stepId == '" + refused + "' }.";
        assertThat(tree.getString(prefix + "failure.reason")).contains("openai refused").contains("safety system");
        assertThat(tree.getString(prefix + "failure.hint")).contains("Rephrase");
        assertThat(tree.getString(prefix + "image")).isNull();
        List<EventEnvelope> events = SessionLog.eventsOf(RunningStack.endpoints().kafkaBootstrap(), session);
        assertThat(events.get(events.size() - 1).event()).isInstanceOf(RenderFailed.class);
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyMakesOneStep() {
        UUID session = Api.newSession("idempotent");
        UUID root = Api.uploadPhoto(session);
        Map<String, String> body = Map.of("parentStepId", root.toString(), "instruction", "make it warmer");
        String first = given().contentType("application/json").header("Idempotency-Key", "retry-1").body(body)
                .post(Api.session() + "/api/sessions/" + session + "/steps").then().statusCode(202).extract().path("stepId");
        String second = given().contentType("application/json").header("Idempotency-Key", "retry-1").body(body)
                .post(Api.session() + "/api/sessions/" + session + "/steps").then().statusCode(202).extract().path("stepId");
        assertThat(second).isEqualTo(first);
        given().contentType("application/json").header("Idempotency-Key", "retry-1")
                .body(Map.of("parentStepId", root.toString(), "instruction", "make it cooler"))
                .post(Api.session() + "/api/sessions/" + session + "/steps").then().statusCode(422)
                .contentType("application/problem+json");
        Api.awaitFinished(session, UUID.fromString(first));
        long requested = SessionLog.eventsOf(RunningStack.endpoints().kafkaBootstrap(), session).stream()
                .filter(ev -> ev.event() instanceof InstructionRequested).count();
        assertThat(requested).isEqualTo(1);
    }
}
