package io.atelier.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atelier.events.DraftRequested;
import io.atelier.events.EventEnvelope;
import io.atelier.events.Generated;
import io.atelier.events.ImageRendered;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A session started from a prompt through the real stack (the gallery forwarding to session-service,
 * a worker calling the OpenAI Images contract fake): the answer names the pending root, the worker
 * paints it with /images/generations, the gallery shows it rendered with its provenance, and it can be
 * refined like an uploaded photo.
 */
@ExtendWith(RunningStack.class)
class PromptSessionTest {

    @Test
    void aPromptBecomesARenderedRootThatCanBeRefined() throws IOException {
        String prompt = "a cup of coffee on a rustic wooden table, morning light";
        var created = given().contentType(ContentType.JSON).body(Map.of("title", "from a prompt", "prompt", prompt, "aspect", "3:2"))
                .post(Api.gallery() + "/api/sessions").then().statusCode(201).extract();
        UUID session = UUID.fromString(created.path("sessionId"));
        UUID root = UUID.fromString(created.path("stepId"));

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).until(() -> "rendered".equals(
                given().get(Api.gallery() + "/api/sessions/" + session).then().extract().path("steps.find { it.stepId == '" + root + "' }.status")));
        assertThat(RunningStack.openAi().violations()).as("every request met the published contract").isEmpty();

        JsonPath tree = Api.tree(session);
        String step = "steps.find { it.stepId == '" + root + "' }.";
        assertThat(tree.getString("rootStepId")).isEqualTo(root.toString());
        assertThat(tree.getString(step + "parentStepId")).isNull();
        assertThat(tree.getString(step + "instruction")).isEqualTo(prompt);
        assertThat(tree.getString(step + "generated.provider")).isEqualTo("openai");
        assertThat(tree.getString(step + "generated.mode")).isEqualTo("draft");

        List<EventEnvelope> events = SessionLog.eventsOf(RunningStack.endpoints().kafkaBootstrap(), session);
        // the worker's progress (GenerationStarted, when the provider call began) comes before the draft's outcome
        assertThat(events).extracting(e -> e.event().typeName()).startsWith("SessionStarted", "DraftRequested", "GenerationStarted", "ImageRendered");
        DraftRequested draft = (DraftRequested) events.get(1).event();
        assertThat(draft.width()).isEqualTo(1280);
        ImageRendered rendered = (ImageRendered) events.get(3).event();
        Generated g = rendered.generated().orElseThrow();
        assertThat(g.requestId()).startsWith("req_fake_");
        // the 3:2 ask is painted at the accepted size closest in shape
        assertThat(rendered.image().width()).isEqualTo(1536);
        assertThat(rendered.image().height()).isEqualTo(1024);
        byte[] png = given().get(Api.gallery() + "/api/sessions/" + session + "/steps/" + root + "/image").then().statusCode(200).extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(1536);

        // the generated root is a root like an uploaded photo: a built-in refinement renders from it
        UUID warmer = Api.step(session, root, "make it warmer");
        assertThat(Api.awaitFinished(session, warmer)).isEqualTo("rendered");
    }

    @Test
    void aPromptTheProviderRefusesLeavesAFailedRootSayingWhy() {
        var created = given().contentType(ContentType.JSON).body(Map.of("prompt", "a weapon on a wooden table"))
                .post(Api.session() + "/api/sessions").then().statusCode(201).extract();
        UUID session = UUID.fromString(created.path("sessionId"));
        UUID root = UUID.fromString(created.path("stepId"));
        assertThat(Api.awaitFinished(session, root)).isEqualTo("failed");
        String step = "steps.find { it.stepId == '" + root + "' }.";
        JsonPath tree = Api.tree(session);
        assertThat(tree.getString(step + "failure.reason")).contains("openai refused").contains("safety system");
        assertThat(tree.getString(step + "failure.hint")).contains("Rephrase");
        // a failed root has no image to refine
        Api.requestStep(session, root, "make it warmer").then().statusCode(409);
    }
}
