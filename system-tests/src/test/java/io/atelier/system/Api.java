package io.atelier.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** The two REST APIs as a client uses them. */
final class Api {
    private Api() {
    }

    static String session() {
        return RunningStack.endpoints().sessionUrl();
    }

    static String gallery() {
        return RunningStack.endpoints().galleryUrl();
    }

    static UUID newSession(String title) {
        return UUID.fromString(given().contentType(ContentType.JSON).body(Map.of("title", title))
                .post(session() + "/api/sessions").then().statusCode(201).extract().path("sessionId"));
    }

    static Response upload(UUID sessionId, String fileName, byte[] bytes) {
        return given().multiPart("image", fileName, bytes, "application/octet-stream")
                .post(session() + "/api/sessions/" + sessionId + "/source");
    }

    static UUID uploadPhoto(UUID sessionId) {
        return UUID.fromString(upload(sessionId, "coffee.png", coffee()).then().statusCode(201).extract().path("stepId"));
    }

    static Response requestStep(UUID sessionId, Object parentStepId, String instruction) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("parentStepId", String.valueOf(parentStepId), "instruction", instruction))
                .post(session() + "/api/sessions/" + sessionId + "/steps");
    }

    static UUID step(UUID sessionId, UUID parent, String instruction) {
        return UUID.fromString(requestStep(sessionId, parent, instruction).then().statusCode(202).extract().path("stepId"));
    }

    static JsonPath tree(UUID sessionId) {
        return given().get(gallery() + "/api/sessions/" + sessionId).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the gallery shows the step finished (rendered or failed) and returns its status. */
    static String awaitFinished(UUID sessionId, UUID stepId) {
        String[] status = {"pending"};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Object s = given().get(gallery() + "/api/sessions/" + sessionId).then().extract()
                    .path("steps.find { it.stepId == '" + stepId + "' }.status");
            status[0] = s == null ? "missing" : s.toString();
            return !status[0].equals("pending") && !status[0].equals("missing");
        });
        return status[0];
    }

    static byte[] coffee() {
        try (InputStream in = Api.class.getResourceAsStream("/coffee.png")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // summed over every worker: a session's steps go to whichever worker owns its partition
    static double workerMetric(String name) {
        double sum = 0;
        for (String worker : RunningStack.endpoints().workerUrls()) {
            String text = io.restassured.RestAssured.given().get(worker + "/q/metrics").then().statusCode(200).extract().asString();
            sum += text.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                    .map(l -> l.contains(" # ") ? l.substring(0, l.indexOf(" # ")) : l) // an exemplar (trace id, time) may follow the value
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        }
        return sum;
    }

    /** The test photo with its first pixel's colour XORed with {@code flip}: bytes (and a hash) no other test uploads. */
    static byte[] coffeeWithOnePixelChanged(int flip) {
        try {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(coffee()));
            image.setRGB(0, 0, image.getRGB(0, 0) ^ flip);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
