package io.atelier.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.events.EventCodec;
import io.atelier.events.EventEnvelope;
import io.atelier.events.ImageRef;
import io.atelier.events.ImageRendered;
import io.atelier.events.InstructionRequested;
import io.atelier.platform.testing.LocalStackResource;
import io.atelier.session.outcome.OutcomeRecorder;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The brand kit through session-service's API: each change is one kit event with the next version; a rendered
 * step's instruction is saved with the plan from its ImageRendered; a step asked afterwards carries the kit
 * version (and the saved plan it names); another workspace neither reads nor changes the kit.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = LocalStackResource.PARTS, value = "kafka,postgres,s3"),
        @ResourceArg(name = LocalStackResource.DATABASE, value = "atelier_session")})
class KitCommandsTest {
    @Inject
    OutcomeRecorder outcomes;

    @Test
    void everyChangeIsAnEventWithTheNextVersion() throws Exception {
        String workspace = "kit-" + UUID.randomUUID().toString().substring(0, 8);
        SessionFixtures.useKey(workspace);
        given().get("/api/kit").then().statusCode(200).body("version", equalTo(0));
        given().contentType(ContentType.JSON).body(Map.of("name", "TerraBrew")).put("/api/kit/name").then().statusCode(200).body("version", equalTo(1));
        given().contentType(ContentType.JSON).body(Map.of("name", "brand green", "hex", "#2E7D32")).put("/api/kit/palette")
                .then().statusCode(200).body("version", equalTo(2)).body("palette[0].hex", equalTo("#2e7d32"));
        given().multiPart("image", "logo.png", logo(true), "image/png").multiPart("placement", "bottom-right").multiPart("size", "0.2")
                .put("/api/kit/logo").then().statusCode(200).body("version", equalTo(3)).body("logo.placement", equalTo("bottom-right"));
        given().contentType(ContentType.JSON).body(Map.of("name", "oat cream", "hex", "f3ead7")).put("/api/kit/palette").then().statusCode(200);
        given().queryParam("name", "Oat Cream").delete("/api/kit/palette").then().statusCode(200).body("version", equalTo(5))
                .body("palette.size()", equalTo(1));

        // refused input changes nothing
        problem(given().contentType(ContentType.JSON).body(Map.of("name", "brand blue", "hex", "blue-ish")).put("/api/kit/palette"), 400, "invalid-kit-entry");
        problem(given().contentType(ContentType.JSON).body(Map.of("name", "", "hex", "#123456")).put("/api/kit/palette"), 400, "invalid-kit-entry");
        problem(given().multiPart("image", "flat.png", logo(false), "image/png").put("/api/kit/logo"), 422, "invalid-logo");
        problem(given().multiPart("image", "logo.png", logo(true), "image/png").multiPart("placement", "upstairs").put("/api/kit/logo"), 400, "invalid-kit-entry");
        problem(given().multiPart("font", "brand.ttf", "not a font at all".getBytes(), "font/ttf").put("/api/kit/font"), 422, "invalid-font");
        problem(given().multiPart("image", "brand.ttf", "x".getBytes(), "font/ttf").put("/api/kit/font"), 400, "missing-font");
        problem(given().queryParam("name", "brand blue").delete("/api/kit/palette"), 404, "kit-entry-not-found");
        given().get("/api/kit").then().statusCode(200).body("version", equalTo(5)).body("name", equalTo("TerraBrew"));

        List<Integer> versions = given().get("/api/kit/history").then().statusCode(200).extract().path("version");
        assertThat(versions).containsExactly(1, 2, 3, 4, 5);
        List<String> types = given().get("/api/kit/history").then().extract().path("type");
        assertThat(types).containsExactly("KitNamed", "PaletteColourSet", "LogoSet", "PaletteColourSet", "PaletteColourRemoved");
    }

    @Test
    void aSavedStepCarriesItsPlanAndLaterStepsRecordTheKitVersion() {
        String workspace = "kit-" + UUID.randomUUID().toString().substring(0, 8);
        SessionFixtures.useKey(workspace);
        UUID session = SessionFixtures.startSession("kit source");
        UUID root = SessionFixtures.uploadSource(session);
        UUID step = requestStep(session, root, "add soft warm light from the left");
        problem(saveStep(session, step, "TerraBrew morning light"), 409, "step-not-rendered");
        problem(saveStep(session, root, "the original"), 409, "step-not-rendered");
        ObjectNode plan = EventCodec.mapper().createObjectNode().put("schemaVersion", 2).put("instruction", "add soft warm light from the left")
                .put("planner", "builtin");
        plan.putArray("operations").addObject().put("op", "exposure").put("stops", 0.3);
        plan.putArray("whatIDid").add("raised exposure by 0.30 stops");
        render(workspace, session, step, plan);

        saveStep(session, step, "TerraBrew morning light").then().statusCode(201).body("version", equalTo(1))
                .body("instructions[0].name", equalTo("TerraBrew morning light"))
                .body("instructions[0].instruction", equalTo("add soft warm light from the left"))
                .body("instructions[0].whatIDid[0]", equalTo("raised exposure by 0.30 stops"));
        given().contentType(ContentType.JSON).body(Map.of("name", "brand green", "hex", "#2E7D32")).put("/api/kit/palette").then().statusCode(200);

        // another photo's session: the step names the saved instruction, and its event carries the kit version and that plan
        UUID other = SessionFixtures.startSession("kit target");
        UUID otherRoot = SessionFixtures.uploadSource(other);
        requestStep(other, otherRoot, "apply TerraBrew morning light");
        requestStep(other, otherRoot, "a brand green gradient on the upper third");
        List<InstructionRequested> asked = SessionFixtures.outbox(other).stream().map(EventEnvelope::event)
                .filter(InstructionRequested.class::isInstance).map(InstructionRequested.class::cast).toList();
        assertThat(asked).hasSize(2);
        assertThat(asked.get(0).kit()).hasValueSatisfying(kit -> {
            assertThat(kit.version()).isEqualTo(2);
            assertThat(kit.saved()).containsOnlyKeys("TerraBrew morning light");
            assertThat(kit.saved().get("TerraBrew morning light")).isEqualTo(plan);
        });
        assertThat(asked.get(1).kit()).hasValueSatisfying(kit -> {
            assertThat(kit.palette()).containsEntry("brand green", "#2e7d32");
            assertThat(kit.saved()).as("only the saved instructions the words name ride along").isEmpty();
        });

        // another workspace: its own empty kit, and A's step and kit entries are not there for it
        SessionFixtures.useKey("kit-other-" + UUID.randomUUID().toString().substring(0, 8));
        given().get("/api/kit").then().statusCode(200).body("version", equalTo(0)).body("instructions.size()", equalTo(0))
                .body("palette.size()", equalTo(0));
        problem(saveStep(session, step, "stolen light"), 404, "not-found");
        problem(given().queryParam("name", "brand green").delete("/api/kit/palette"), 404, "kit-entry-not-found");
        problem(given().queryParam("name", "TerraBrew morning light").delete("/api/kit/instructions"), 404, "kit-entry-not-found");
        SessionFixtures.useKey(workspace);
        given().get("/api/kit").then().statusCode(200).body("version", equalTo(2)).body("instructions.size()", equalTo(1));
        given().queryParam("name", "terrabrew MORNING light").delete("/api/kit/instructions").then().statusCode(200)
                .body("version", equalTo(3)).body("instructions.size()", equalTo(0));
    }

    private void render(String workspace, UUID session, UUID step, JsonNode plan) {
        ImageRef image = new ImageRef(workspace + "/" + session + "/" + "a".repeat(64) + ".png", "a".repeat(64), 32, 32, "image/png", 100);
        ImageRef thumb = new ImageRef(workspace + "/" + session + "/thumbs/" + "b".repeat(64) + ".png", "b".repeat(64), 16, 16, "image/png", 50);
        assertThat(outcomes.record(new EventEnvelope(UUID.randomUUID(), workspace, session, 3, Instant.now(), "worker:test",
                new ImageRendered(step, image, thumb, plan, "engine/test", 12, "none")))).isTrue();
    }

    private static io.restassured.response.Response saveStep(UUID session, UUID step, String name) {
        return given().contentType(ContentType.JSON).body(Map.of("sessionId", session.toString(), "stepId", step.toString(), "name", name))
                .post("/api/kit/instructions");
    }

    private static UUID requestStep(UUID session, UUID parent, String instruction) {
        return UUID.fromString(given().contentType(ContentType.JSON).body(Map.of("parentStepId", parent.toString(), "instruction", instruction))
                .post("/api/sessions/" + session + "/steps").then().statusCode(202).extract().path("stepId"));
    }

    private static void problem(io.restassured.response.Response r, int status, String slug) {
        r.then().statusCode(status).contentType("application/problem+json").body("type", equalTo("https://atelier.dev/problems/" + slug));
    }

    private static byte[] logo(boolean alpha) throws java.io.UncheckedIOException {
        BufferedImage image = new BufferedImage(60, 20, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new java.awt.Color(46, 125, 50));
        g.fillRoundRect(0, 0, 60, 20, 10, 10);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
