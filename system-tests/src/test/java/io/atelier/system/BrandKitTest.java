package io.atelier.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The brand kit end to end, through the studio's one URL in a workspace of its own: a step that worked is
 * saved to the kit and applied by name to another photo's session with the very same plan; a palette
 * colour and the logo are named in instructions; every request records the kit version it was asked under;
 * another workspace neither sees nor uses the kit.
 */
@ExtendWith(RunningStack.class)
class BrandKitTest {
    private final String key = RunningStack.newKey("kit-" + UUID.randomUUID().toString().substring(0, 8));

    private RequestSpecification as() {
        return as(key);
    }

    private static RequestSpecification as(String workspaceKey) {
        return given().header("Authorization", "Bearer " + workspaceKey);
    }

    @Test
    void aSavedStepIsAppliedByNameToAnotherPhotoWithTheSamePlan() throws Exception {
        String gallery = Api.gallery();
        as().contentType("application/json").body(Map.of("name", "brand green", "hex", "#2E7D32")).put(gallery + "/api/kit/palette")
                .then().statusCode(200);
        as().multiPart("image", "logo.png", KitTestImages.logo(), "image/png").multiPart("placement", "top-left").multiPart("size", "0.25")
                .put(gallery + "/api/kit/logo").then().statusCode(200);

        // the step that worked, on the coffee photo
        UUID first = session("kit: coffee", Api.coffee());
        UUID firstRoot = root(first);
        UUID worked = step(first, firstRoot, "add soft warm light from the left");
        assertThat(awaitFinished(first, worked)).isEqualTo("rendered");
        as().contentType("application/json").body(Map.of("sessionId", first.toString(), "stepId", worked.toString(), "name", "TerraBrew morning light"))
                .post(gallery + "/api/kit/instructions").then().statusCode(201);
        JsonPath kit = as().get(gallery + "/api/kit").then().statusCode(200).extract().jsonPath();
        assertThat(kit.getLong("version")).isEqualTo(3);
        assertThat(kit.getList("instructions.name")).containsExactly("TerraBrew morning light");

        // another photo's session: the saved instruction by name, a palette colour, the logo
        UUID second = session("kit: another photo", otherPhoto());
        UUID secondRoot = root(second);
        UUID applied = step(second, secondRoot, "apply TerraBrew morning light");
        UUID gradient = step(second, secondRoot, "a brand green gradient on the upper third");
        UUID logo = step(second, secondRoot, "add our logo bottom right");
        for (UUID s : List.of(applied, gradient, logo)) {
            assertThat(awaitFinished(second, s)).as("step %s", s).isEqualTo("rendered");
        }
        JsonPath before = tree(first);
        JsonPath after = tree(second);
        Object workedOps = before.get("steps.find { it.stepId == '" + worked + "' }.plan.operations");
        assertThat((Object) after.get("steps.find { it.stepId == '" + applied + "' }.plan.operations")).as("the same plan, replayed").isEqualTo(workedOps);
        assertThat(after.getString("steps.find { it.stepId == '" + applied + "' }.plan.planner")).isEqualTo("brand-kit");
        assertThat(after.getString("steps.find { it.stepId == '" + gradient + "' }.plan.operations[0].from")).isEqualTo("#2e7d32");
        assertThat(after.getString("steps.find { it.stepId == '" + logo + "' }.plan.operations[0].op")).isEqualTo("overlay");
        assertThat(after.getString("steps.find { it.stepId == '" + logo + "' }.plan.operations[0].placement")).isEqualTo("bottom-right");
        // the logo is in the picture: red where it sits (bottom right), the photo elsewhere
        BufferedImage withLogo = ImageIO.read(new ByteArrayInputStream(as().get(gallery + "/api/sessions/" + second + "/steps/" + logo + "/image")
                .then().statusCode(200).extract().asByteArray()));
        int w = withLogo.getWidth();
        int h = withLogo.getHeight();
        Color inLogo = new Color(withLogo.getRGB(w - (int) (0.04 * Math.min(w, h)) - (int) (0.125 * w), h - (int) (0.04 * Math.min(w, h)) - (int) (0.0625 * w)));
        assertThat(inLogo.getRed()).as("the logo's red").isGreaterThan(180);
        assertThat(inLogo.getGreen()).isLessThan(60);

        // the audit shows the kit version each step was asked under
        List<Map<String, Object>> audit = as().get(gallery + "/api/sessions/" + second + "/audit").then().statusCode(200).extract()
                .jsonPath().getList("entries.findAll { it.type == 'InstructionRequested' }");
        assertThat(audit).hasSize(3).allSatisfy(entry -> assertThat(((Number) entry.get("kitVersion")).longValue()).isEqualTo(3));

        // another workspace: its own kit; it cannot save this workspace's step, nor name this kit's instruction
        String other = RunningStack.newKey("kit-other-" + UUID.randomUUID().toString().substring(0, 8));
        JsonPath theirs = given().header("Authorization", "Bearer " + other).get(gallery + "/api/kit").then().statusCode(200).extract().jsonPath();
        assertThat(theirs.getList("instructions")).isEmpty();
        assertThat(theirs.getList("palette")).isEmpty();
        given().header("Authorization", "Bearer " + other).contentType("application/json")
                .body(Map.of("sessionId", first.toString(), "stepId", worked.toString())).post(gallery + "/api/kit/instructions")
                .then().statusCode(404);
        as().get(gallery + "/api/kit").then().statusCode(200).extract().jsonPath().getLong("version");
        assertThat(as().get(gallery + "/api/kit/history").then().statusCode(200).extract().jsonPath().getList("version")).containsExactly(1, 2, 3);
    }

    @Test
    void textIsSetInTheFontUploadedToTheKit() throws Exception {
        // Noto Mono (OFL; the engine's test font): monospaced, so it sets a line visibly wider than the bundled Liberation Sans
        byte[] noto = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(System.getProperty("atelier.root", ".."),
                "engine", "src", "test", "resources", "fonts", "NotoMono-Regular.ttf"));
        as().multiPart("font", "NotoMono-Regular.ttf", noto, "font/ttf").put(Api.gallery() + "/api/kit/font").then().statusCode(200);
        UUID withFont = session("kit: text in the kit font", Api.coffee());
        UUID text = step(withFont, root(withFont), "add the title \"Fresh Roast\" at the top");
        assertThat(awaitFinished(withFont, text)).isEqualTo("rendered");
        String op = "steps.find { it.stepId == '" + text + "' }.plan.operations[0]";
        JsonPath tree = tree(withFont);
        assertThat(tree.getString(op + ".op")).isEqualTo("text");
        assertThat(tree.getString(op + ".font")).isEqualTo("Noto Mono");
        assertThat(tree.getString(op + ".fontSha256")).hasSize(64);

        // the same words in a workspace of its own whose kit has no font (the shared default workspace's kit may have
        // one: the contract test sets it): the bundled face, and other pixels in the title band
        String plainKey = RunningStack.newKey("plain-" + UUID.randomUUID().toString().substring(0, 8));
        UUID plain = session(plainKey, "text in the bundled font", Api.coffee());
        UUID plainText = step(plainKey, plain, root(plainKey, plain), "add the title \"Fresh Roast\" at the top");
        assertThat(awaitFinished(plainKey, plain, plainText)).isEqualTo("rendered");
        assertThat(tree(plainKey, plain).getString("steps.find { it.stepId == '" + plainText + "' }.plan.operations[0].font")).isNull();
        BufferedImage inKitFont = ImageIO.read(new ByteArrayInputStream(as().get(Api.gallery() + "/api/sessions/" + withFont + "/steps/" + text + "/image")
                .then().statusCode(200).extract().asByteArray()));
        BufferedImage inBundled = ImageIO.read(new ByteArrayInputStream(as(plainKey).get(Api.gallery() + "/api/sessions/" + plain + "/steps/" + plainText + "/image")
                .then().statusCode(200).extract().asByteArray()));
        long differing = 0;
        for (int y = 0; y < inKitFont.getHeight(); y++) {
            for (int x = 0; x < inKitFont.getWidth(); x++) {
                differing += inKitFont.getRGB(x, y) != inBundled.getRGB(x, y) ? 1 : 0;
            }
        }
        assertThat(differing).as("pixels set differently by the two faces").isGreaterThan(1000);
    }

    private UUID session(String title, byte[] photo) {
        return session(key, title, photo);
    }

    private static UUID session(String k, String title, byte[] photo) {
        UUID id = UUID.fromString(as(k).multiPart("title", title).multiPart("image", "photo.png", photo, "image/png")
                .post(Api.gallery() + "/api/sessions").then().statusCode(201).extract().path("sessionId"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> as(k).get(Api.gallery() + "/api/sessions/" + id).then().extract().statusCode() == 200);
        return id;
    }

    private UUID root(UUID session) {
        return root(key, session);
    }

    private static UUID root(String k, UUID session) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> tree(k, session).getString("rootStepId") != null);
        return UUID.fromString(tree(k, session).getString("rootStepId"));
    }

    private UUID step(UUID session, UUID parent, String instruction) {
        return step(key, session, parent, instruction);
    }

    private static UUID step(String k, UUID session, UUID parent, String instruction) {
        return UUID.fromString(as(k).contentType("application/json").body(Map.of("parentStepId", parent.toString(), "instruction", instruction))
                .post(Api.gallery() + "/api/sessions/" + session + "/steps").then().statusCode(202).extract().path("stepId"));
    }

    private JsonPath tree(UUID session) {
        return tree(key, session);
    }

    private static JsonPath tree(String k, UUID session) {
        return as(k).get(Api.gallery() + "/api/sessions/" + session).then().statusCode(200).extract().jsonPath();
    }

    private String awaitFinished(UUID session, UUID step) {
        return awaitFinished(key, session, step);
    }

    private static String awaitFinished(String k, UUID session, UUID step) {
        String[] status = {"pending"};
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Object s = tree(k, session).get("steps.find { it.stepId == '" + step + "' }.status");
            status[0] = s == null ? "missing" : s.toString();
            return !status[0].equals("pending") && !status[0].equals("missing");
        });
        return status[0];
    }

    // a second photo: a warm gradient with a dark disc, nothing like the coffee cup
    private static byte[] otherPhoto() throws Exception {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(90, 140, 200), 320, 240, new Color(230, 200, 150)));
        g.fillRect(0, 0, 320, 240);
        g.setColor(new Color(60, 40, 30));
        g.fillOval(110, 70, 100, 100);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
