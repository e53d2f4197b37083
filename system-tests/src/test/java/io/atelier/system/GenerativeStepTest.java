package io.atelier.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atelier.events.EventEnvelope;
import io.atelier.events.Generated;
import io.atelier.events.ImageRendered;
import io.atelier.platform.storage.ImageStore;
import io.atelier.stack.Endpoints;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A generative step through the real stack, with the workers pointed at the OpenAI Images contract
 * fake: "add a person's hands holding the mug" on coffee.png renders, the new content lands only inside
 * the committed mask, every pixel outside it is the parent's (ΔE76 &lt; 1), and the mask, provenance and
 * the provider's raw answer are stored and recorded.
 */
@ExtendWith(RunningStack.class)
class GenerativeStepTest {

    @Test
    void handsHoldingTheMugAreCommittedOnlyInsideTheMaskWithProvenanceRecorded() throws IOException {
        UUID session = Api.newSession("generative");
        UUID root = Api.uploadPhoto(session);
        UUID hands = Api.step(session, root, "add a person's hands holding the mug");
        // the first instruction of a fresh stack also loads the planner's and the subject models: allow for a busy machine
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500)).until(() -> !"pending".equals(
                given().get(Api.gallery() + "/api/sessions/" + session).then().extract().path("steps.find { it.stepId == '" + hands + "' }.status")));
        assertThat(Api.tree(session).getString("steps.find { it.stepId == '" + hands + "' }.status")).isEqualTo("rendered");
        assertThat(RunningStack.openAi().violations()).as("every request met the published contract").isEmpty();

        List<EventEnvelope> events = SessionLog.eventsOf(RunningStack.endpoints().kafkaBootstrap(), session);
        ImageRendered rendered = (ImageRendered) events.get(events.size() - 1).event();
        Generated g = rendered.generated().orElseThrow();
        assertThat(g.provider()).isEqualTo("openai");
        assertThat(g.model()).isEqualTo("gpt-image-1");
        assertThat(g.requestId()).startsWith("req_fake_");
        assertThat(g.revisedPrompt()).hasValueSatisfying(p -> assertThat(p).contains("hands"));
        assertThat(g.usage().path("total_tokens").asLong()).isPositive();
        assertThat(g.mode()).isEqualTo("region");
        assertThat(rendered.plan().path("operations").path(0).path("op").asText()).isEqualTo("synthesize");
        assertThat(rendered.plan().path("operations").path(0).path("region").path("kind").asText()).isEqualTo("subject");

        Endpoints e = RunningStack.endpoints();
        try (ImageStore store = new ImageStore(e.s3Endpoint(), "us-east-1", e.s3AccessKey(), e.s3SecretKey(), "atelier-images")) {
            BufferedImage parent = ImageIO.read(new ByteArrayInputStream(Api.coffee()));
            BufferedImage result = ImageIO.read(new ByteArrayInputStream(store.get(rendered.image().key())));
            BufferedImage mask = ImageIO.read(new ByteArrayInputStream(store.get(g.mask().key())));
            assertThat(new String(store.get(g.evidenceKey()))).contains("b64_json").contains("revised_prompt");
            assertThat(mask.getWidth()).isEqualTo(parent.getWidth());
            double maxOutside = 0;
            double maxInside = 0;
            long outside = 0;
            for (int y = 0; y < parent.getHeight(); y++) {
                for (int x = 0; x < parent.getWidth(); x++) {
                    double d = deltaE76(parent.getRGB(x, y), result.getRGB(x, y));
                    if ((mask.getRGB(x, y) & 255) == 0) {
                        maxOutside = Math.max(maxOutside, d);
                        outside++;
                    } else if ((mask.getRGB(x, y) & 255) > 200) {
                        maxInside = Math.max(maxInside, d);
                    }
                }
            }
            System.out.printf("[GenerativeStepTest] committed %.1f%% of the frame; max ΔE76 outside %.3f over %d px, inside %.1f%n",
                    g.committedFraction() * 100, maxOutside, outside, maxInside);
            assertThat(outside).as("most of the photo is outside the committed mask").isGreaterThan(parent.getWidth() * parent.getHeight() / 2);
            assertThat(maxOutside).as("max ΔE76 outside the committed mask").isLessThan(1);
            assertThat(maxInside).as("the hands are visible inside it").isGreaterThan(20);
        }
        JsonPath tree = Api.tree(session);
        String prefix = "steps.find { it.stepId == '" + hands + "' }.";
        assertThat(tree.getString(prefix + "generated.provider")).isEqualTo("openai");
        assertThat(tree.getString(prefix + "generated.maskUrl")).isNotBlank();
    }

    private static double deltaE76(int a, int b) {
        double[] la = lab(a);
        double[] lb = lab(b);
        return Math.sqrt(Math.pow(la[0] - lb[0], 2) + Math.pow(la[1] - lb[1], 2) + Math.pow(la[2] - lb[2], 2));
    }

    private static double[] lab(int rgb) {
        double r = lin((rgb >> 16) & 255);
        double g = lin((rgb >> 8) & 255);
        double b = lin(rgb & 255);
        double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double lin(int v) {
        double c = v / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }
}
