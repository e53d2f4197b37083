package io.atelier.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.atelier.imaging.TestImages;
import io.atelier.events.EventEnvelope;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad input gets a 4xx problem+json and writes no event. */
@ExtendWith(RunningStack.class)
class BadInputTest {

    private static void problem(Response r, int status, String type) {
        r.then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("type", containsString(type)).body("detail", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void rejectedUploadsAndStepsLeaveTheLogUntouched() throws Exception {
        UUID session = Api.newSession("bad input");
        UUID other = Api.newSession("someone else's");
        UUID otherRoot = Api.uploadPhoto(other);

        problem(Api.upload(session, "photo.png", "just some text, not pixels".getBytes()), 415, "unsupported-image");
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(ImageIO.read(new ByteArrayInputStream(Api.coffee())), "jpeg", jpeg);
        problem(Api.upload(session, "cut.jpg", Arrays.copyOf(jpeg.toByteArray(), jpeg.size() / 2)), 422, "corrupt-image");
        problem(Api.upload(session, "huge.png", TestImages.pngHeaderClaiming(100_000, 100_000)), 413, "image-too-large");
        problem(Api.upload(UUID.randomUUID(), "coffee.png", Api.coffee()), 404, "not-found");

        UUID root = Api.uploadPhoto(session);
        problem(Api.requestStep(UUID.randomUUID(), root, "make it warmer"), 404, "not-found");
        problem(Api.requestStep(session, otherRoot, "make it warmer"), 422, "unknown-parent-step");
        problem(Api.requestStep(session, root, "   "), 400, "empty-instruction");
        problem(Api.requestStep(session, root, "warmer ".repeat(15_000)), 400, "instruction-too-long");
        problem(Api.requestStep(session, "not-a-uuid", "warmer"), 400, "");
        problem(given().contentType("application/json").body("{not json").post(Api.session() + "/api/sessions/" + session + "/steps"), 400, "");
        String anotherTeam = "Bearer " + RunningStack.newKey("another-team");
        problem(given().header("Authorization", anotherTeam).get(Api.gallery() + "/api/sessions/" + session), 404, "not-found");
        problem(given().header("Authorization", anotherTeam).contentType("application/json")
                .body(java.util.Map.of("parentStepId", root.toString(), "instruction", "warmer"))
                .post(Api.session() + "/api/sessions/" + session + "/steps"), 404, "not-found");

        // only the two accepted commands reached the log, in order
        List<EventEnvelope> events = SessionLog.eventsOf(RunningStack.endpoints().kafkaBootstrap(), session);
        assertThat(events).extracting(e -> e.event().typeName()).containsExactly("SessionStarted", "SourceImageAdded");
        assertThat(SessionLog.eventsOf(RunningStack.endpoints().kafkaBootstrap(), other)).hasSize(2);
    }

    @Test
    void aSecondSourceForTheSameSessionIsAConflict() {
        UUID session = Api.newSession("one source");
        Api.uploadPhoto(session);
        problem(Api.upload(session, "coffee.png", Api.coffee()), 409, "source-exists");
    }
}
