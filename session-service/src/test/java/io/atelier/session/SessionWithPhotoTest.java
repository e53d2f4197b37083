package io.atelier.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.atelier.events.EventEnvelope;
import io.atelier.events.SourceImageAdded;
import io.atelier.platform.testing.LocalStackResource;
import io.atelier.session.model.SessionEntity;
import io.atelier.session.outbox.OutboxEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One command opens a session with its photo, atomically; a session can be deleted, with or without its photo. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = LocalStackResource.PARTS, value = "kafka,postgres,s3"),
        @ResourceArg(name = LocalStackResource.DATABASE, value = "atelier_session")})
class SessionWithPhotoTest {
    static String key;

    @org.junit.jupiter.api.BeforeEach
    void key() {
        key = SessionFixtures.useKey("default");
    }


    @Test
    void aSessionOpenedWithItsPhotoHasItsRootStepAndBothEventsInOrder() {
        ExtractableResponse<Response> created = given().multiPart("title", "hero with photo").multiPart("image", "hero.png", SessionFixtures.png(40, 30), "image/png")
                .when().post("/api/sessions")
                .then().statusCode(201).header("Location", notNullValue())
                .body("title", equalTo("hero with photo")).body("source.width", equalTo(40)).body("source.contentType", equalTo("image/png"))
                .extract();
        UUID session = UUID.fromString(created.path("sessionId"));
        UUID root = UUID.fromString(created.path("source.stepId"));

        List<EventEnvelope> events = SessionFixtures.outbox(session);
        assertThat(events).extracting(e -> e.event().typeName()).containsExactly("SessionStarted", "SourceImageAdded");
        assertThat(((SourceImageAdded) events.get(1).event()).stepId()).isEqualTo(root);
        assertThat(events).extracting(EventEnvelope::sequence).containsExactly(1L, 2L);
        assertThat(SessionFixtures.steps(session)).isEqualTo(1);
        // the JSON form still opens an empty session
        assertThat(SessionFixtures.steps(SessionFixtures.startSession("json still works"))).isZero();
    }

    @Test
    void aRefusedPhotoLeavesNoSessionAndNoEvent() {
        long sessions = count(SessionEntity.class);
        long events = count(OutboxEntity.class);
        byte[] png = SessionFixtures.png(40, 30);
        byte[] heic = concat(new byte[] {0, 0, 0, 24}, "ftypheic".getBytes(StandardCharsets.US_ASCII), new byte[] {0, 0, 0, 0},
                "mif1heic".getBytes(StandardCharsets.US_ASCII), new byte[64]);

        refused(given().multiPart("title", "corrupt").multiPart("image", "cut.png", Arrays.copyOf(png, png.length / 2), "image/png"),
                422, "corrupt-image");
        refused(given().multiPart("title", "heic").multiPart("image", "IMG_0001.HEIC", heic, "image/heic"), 415, "unsupported-image");
        refused(given().multiPart("title", "huge").multiPart("image", "huge.png", pngHeaderClaiming(100_000, 100_000),
                "image/png"), 413, "image-too-large");
        refused(given().multiPart("title", "no photo"), 400, "missing-image");
        refused(given().multiPart("title", "bell\u0007").multiPart("image", "hero.png", png, "image/png"), 400, "control-character");
        refused(given().multiPart("title", "t".repeat(201)).multiPart("image", "hero.png", png, "image/png"), 400, "title-too-long");

        assertThat(count(SessionEntity.class)).isEqualTo(sessions);
        assertThat(count(OutboxEntity.class)).isEqualTo(events);
    }

    @Test
    void anEmptySessionCanBeDeletedOnceAndIsGoneForEveryCommand() {
        UUID session = SessionFixtures.startSession("opened by mistake");

        given().when().delete("/api/sessions/" + session).then().statusCode(204);

        assertThat(SessionFixtures.outbox(session)).extracting(e -> e.event().typeName())
                .containsExactly("SessionStarted", "SessionDeleted");
        given().when().delete("/api/sessions/" + session).then().statusCode(404).body("type", endsWith("/not-found"));
        given().multiPart("image", "late.png", SessionFixtures.png(8, 8), "image/png").when().post("/api/sessions/" + session + "/source")
                .then().statusCode(404);
        assertThat(SessionFixtures.outbox(session)).hasSize(2);
    }

    @Test
    void aSessionWithItsPhotoAndStepsIsDeletedAndItsLogKeepsEverything() {
        UUID session = SessionFixtures.startSession("deleted with its history");
        UUID root = SessionFixtures.uploadSource(session);
        given().contentType("application/json").body(java.util.Map.of("parentStepId", root.toString(), "instruction", "warm the light slightly"))
                .when().post("/api/sessions/" + session + "/steps").then().statusCode(202);
        // another workspace's key cannot delete it: the id answers 404 there, as a missing one
        given().header("Authorization", "Bearer " + SessionFixtures.newKey("another-team")).when().delete("/api/sessions/" + session)
                .then().statusCode(404);

        given().when().delete("/api/sessions/" + session).then().statusCode(204);

        assertThat(SessionFixtures.outbox(session)).extracting(e -> e.event().typeName())
                .containsExactly("SessionStarted", "SourceImageAdded", "InstructionRequested", "SessionDeleted");
        assertThat(SessionFixtures.steps(session)).isZero();
        given().contentType("application/json").body(java.util.Map.of("parentStepId", root.toString(), "instruction", "mirror it"))
                .when().post("/api/sessions/" + session + "/steps").then().statusCode(404);
        given().when().delete("/api/sessions/" + session).then().statusCode(404);
        assertThat(SessionFixtures.outbox(session)).hasSize(4);
    }

    private static void refused(io.restassured.specification.RequestSpecification request, int status, String slug) {
        request.when().post("/api/sessions").then().statusCode(status).contentType("application/problem+json")
                .body("type", endsWith("/" + slug)).body("status", equalTo(status));
    }

    private static long count(Class<? extends io.quarkus.hibernate.orm.panache.PanacheEntityBase> entity) {
        return QuarkusTransaction.requiringNew().call(() -> io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                .createQuery("select count(e) from " + entity.getSimpleName() + " e", Long.class).getSingleResult());
    }

    // a PNG signature and an IHDR chunk (valid CRC) claiming a size no image data follows
    private static byte[] pngHeaderClaiming(int width, int height) {
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(ihdr.array());
        return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, java.nio.ByteBuffer.allocate(4).putInt(13).array(),
                ihdr.array(), java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
