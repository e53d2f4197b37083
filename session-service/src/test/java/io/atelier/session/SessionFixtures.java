package io.atelier.session;

import static io.restassured.RestAssured.given;

import io.atelier.events.EventCodec;
import io.atelier.events.EventEnvelope;
import io.atelier.session.model.StepEntity;
import io.atelier.session.outbox.OutboxEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;

/** What the session-service tests set up through the REST API and read back from the write model. */
final class SessionFixtures {
    private SessionFixtures() {
    }

    /** Creates a live key of the workspace (creating the workspace too) straight in the write model, as the admin path does. */
    static String newKey(String workspace) {
        io.atelier.platform.access.ApiKeys.Issued issued = io.atelier.platform.access.ApiKeys.generate();
        QuarkusTransaction.requiringNew().run(() -> {
            var em = OutboxEntity.getEntityManager();
            em.createNativeQuery("INSERT INTO workspace (id, created_at) VALUES (?1, now()) ON CONFLICT DO NOTHING")
                    .setParameter(1, workspace).executeUpdate();
            em.createNativeQuery("INSERT INTO api_key (prefix, key_hash, workspace_id, created_at) VALUES (?1, ?2, ?3, now())")
                    .setParameter(1, issued.prefix()).setParameter(2, issued.hash()).setParameter(3, workspace).executeUpdate();
        });
        return issued.key();
    }

    static void revoke(String key) {
        String prefix = io.atelier.platform.access.ApiKeys.parse(key).orElseThrow().prefix();
        QuarkusTransaction.requiringNew().run(() -> OutboxEntity.getEntityManager()
                .createNativeQuery("UPDATE api_key SET revoked_at = now() WHERE prefix = ?1").setParameter(1, prefix).executeUpdate());
    }

    /** Makes every RestAssured request of the test carry a fresh key of the workspace. */
    static String useKey(String workspace) {
        String key = newKey(workspace);
        io.restassured.RestAssured.requestSpecification = new io.restassured.builder.RequestSpecBuilder()
                .addHeader("Authorization", "Bearer " + key).build();
        // a test that sends another key replaces this one rather than sending both
        io.restassured.RestAssured.config = io.restassured.RestAssured.config().headerConfig(
                io.restassured.config.HeaderConfig.headerConfig().overwriteHeadersWithName("Authorization", "Content-Type", "Accept"));
        return key;
    }

    static UUID startSession(String title) {
        return UUID.fromString(given().contentType(ContentType.JSON).body(Map.of("title", title))
                .when().post("/api/sessions")
                .then().statusCode(201).extract().path("sessionId"));
    }

    /** Uploads a small PNG as the session's source and returns the root step's id. */
    static UUID uploadSource(UUID sessionId) {
        return UUID.fromString(given().multiPart("image", "source.png", png(48, 32), "image/png")
                .when().post("/api/sessions/" + sessionId + "/source")
                .then().statusCode(201).extract().path("stepId"));
    }

    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(200, 120, 40));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The session's events in the outbox, in the order they were written. */
    static List<EventEnvelope> outbox(UUID sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEntity.<OutboxEntity>list("sessionId = ?1 order by id", sessionId)
                .stream().map(row -> EventCodec.decode(row.payload)).toList());
    }

    static List<OutboxEntity> outboxRows(UUID sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEntity.<OutboxEntity>list("sessionId = ?1 order by id", sessionId));
    }

    static StepEntity step(UUID stepId) {
        return QuarkusTransaction.requiringNew().call(() -> StepEntity.<StepEntity>findById(stepId));
    }

    static long steps(UUID sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> StepEntity.count("sessionId", sessionId));
    }
}
