package io.atelier.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.atelier.imaging.TestImages;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The documents and the code may not drift apart: every error case of every documented operation is
 * provoked on the running services, and each real answer must be a status the document lists for that
 * operation, with a problem type it lists under that status; and every problem type a document lists
 * must have been provoked (except the few named below that a healthy stack cannot give).
 */
@ExtendWith(RunningStack.class)
class OpenApiContractTest {
    /** Documented answers a healthy stack cannot be made to give from outside, and why. */
    private static final Map<String, String> NOT_PROVOKED = Map.of(
            "internal-error", "a bug: the 500 every operation documents for one",
            "unavailable", "needs PostgreSQL or S3 down; InfrastructureFaultTest provokes it on a stack of its own",
            "session-service-unavailable", "needs session-service down, which would stop the other tests sharing the stack",
            "interrupted", "only while the gallery shuts down",
            "rate-limited", "the default budget never trips on a shared stack; session-service RateLimitTest spends a low one",
            "too-many-streams", "the default caps never trip on a shared stack; gallery StreamCapTest fills low ones",
            "streams-full", "the default caps never trip on a shared stack; gallery StreamCapTest fills low ones",
            "no-generative-engine", "the shared stack has a generative engine (the OpenAI fake); session-service NoGenerativeEngineTest runs without");
    private static final String PROBLEM = "application/problem+json";

    private final OpenApiDocument sessionDoc = OpenApiDocument.built("session-service");
    private final OpenApiDocument galleryDoc = OpenApiDocument.built("gallery-service");

    @Test
    void theServicesServeTheDocumentsTheClientsWereGeneratedFrom() {
        assertThat(OpenApiDocument.parse(given().get(Api.session() + "/q/openapi?format=json").then().statusCode(200).extract().asString()))
                .isEqualTo(sessionDoc.root());
        assertThat(OpenApiDocument.parse(given().get(Api.gallery() + "/q/openapi?format=json").then().statusCode(200).extract().asString()))
                .isEqualTo(galleryDoc.root());
    }

    @Test
    void swaggerUiShowsTheDocumentOnBothServices() {
        for (String base : new String[] {Api.session(), Api.gallery()}) {
            String page = given().redirects().follow(true).get(base + "/q/swagger-ui/").then().statusCode(200)
                    .contentType(org.hamcrest.Matchers.containsString("text/html")).extract().asString();
            assertThat(page).as("Swagger UI, loading this service's document").containsIgnoringCase("swagger-ui").contains("/q/openapi");
        }
    }

    @Test
    void everyOperationHasAnIdATagAnExampleAndProblemJsonForEveryError() {
        SoftAssertions soft = new SoftAssertions();
        for (OpenApiDocument doc : new OpenApiDocument[] {sessionDoc, galleryDoc}) {
            Set<String> ids = new TreeSet<>();
            for (OpenApiDocument.Op op : doc.operations()) {
                soft.assertThat(ids.add(op.id())).as("%s has a unique operationId", op).isTrue();
                soft.assertThat(op.id()).as("%s operationId", op).isNotBlank();
                soft.assertThat(op.node().path("tags").size()).as("%s tags", op).isPositive();
                soft.assertThat(op.node().path("summary").asText()).as("%s summary", op).isNotBlank();
                JsonNode jsonBody = op.node().path("requestBody").path("content").path("application/json");
                if (!jsonBody.isMissingNode()) {
                    soft.assertThat(jsonBody.path("examples").size()).as("%s request example", op).isPositive();
                }
                for (int status : op.statuses()) {
                    JsonNode content = op.response(status).path("content");
                    if (status >= 400) {
                        soft.assertThat(names(content)).as("%s %d is problem+json only", op, status).containsExactly(PROBLEM);
                        soft.assertThat(content.path(PROBLEM).path("schema").path("$ref").asText()).as("%s %d schema", op, status)
                                .isEqualTo("#/components/schemas/Problem");
                        soft.assertThat(op.problems(status)).as("%s %d problem types", op, status).isNotEmpty();
                    } else if (content.has("application/json")) {
                        soft.assertThat(content.path("application/json").path("examples").size()).as("%s %d example", op, status).isPositive();
                    }
                }
                soft.assertThat(op.statuses()).as("%s documents its 500", op).contains(500);
            }
            JsonNode problem = doc.schema("Problem");
            soft.assertThat(names(problem.path("properties"))).as("%s Problem schema", doc.service())
                    .contains("type", "title", "status", "detail", "instance");
            soft.assertThat(problem.path("required").toString()).contains("type", "title", "status", "detail");
        }
        soft.assertAll();
    }

    @Test
    void theGalleryDocumentsItsForwardedCommandsAsSessionServiceDoes() {
        SoftAssertions soft = new SoftAssertions();
        for (OpenApiDocument.Op own : sessionDoc.operations()) {
            OpenApiDocument.Op forwarded = galleryDoc.operation(own.id());
            soft.assertThat(forwarded.path() + forwarded.method()).isEqualTo(own.path() + own.method());
            Set<Integer> expected = new TreeSet<>(own.statuses());
            expected.addAll(Set.of(502, 503));
            soft.assertThat(forwarded.statuses()).as("%s statuses", forwarded).isEqualTo(expected);
            for (int status : own.statuses()) {
                Set<String> problems = new TreeSet<>(own.problems(status));
                if (status == 503) {
                    problems.add("interrupted"); // the gallery's own 503, while it shuts down
                }
                soft.assertThat(forwarded.problems(status)).as("%s %d problem types", forwarded, status).isEqualTo(problems);
            }
            soft.assertThat(names(forwarded.node().path("requestBody").path("content")))
                    .isEqualTo(names(own.node().path("requestBody").path("content")));
            soft.assertThat(paramNames(forwarded)).as("%s parameters", forwarded).isEqualTo(paramNames(own));
        }
        for (String schema : new String[] {"NewSession", "SessionCreated", "NewStep", "SourceAdded", "StepAccepted"}) {
            soft.assertThat(shape(galleryDoc.schema(schema))).as("gallery's %s", schema).isEqualTo(shape(sessionDoc.schema(schema)));
        }
        soft.assertAll();
    }

    @Test
    void everyErrorCaseAnswersAsDocumentedAndEveryDocumentedErrorHappens() throws Exception {
        Observations seen = new Observations();
        commandProbes(seen, sessionDoc, Api.session());
        commandProbes(seen, galleryDoc, Api.gallery());
        kitProbes(seen, sessionDoc, Api.session());
        kitProbes(seen, galleryDoc, Api.gallery());
        readProbes(seen);
        accessProbes(seen);
        seen.soft.assertAll();

        SoftAssertions coverage = new SoftAssertions();
        for (OpenApiDocument doc : new OpenApiDocument[] {sessionDoc, galleryDoc}) {
            for (OpenApiDocument.Op op : doc.operations()) {
                for (int status : op.statuses()) {
                    if (status < 400) {
                        coverage.assertThat(seen.keys).as("documented answer provoked").contains(op + " " + status);
                    }
                    for (String slug : op.problems(status)) {
                        if (!NOT_PROVOKED.containsKey(slug)) {
                            coverage.assertThat(seen.keys).as("documented problem provoked").contains(op + " " + status + " " + slug);
                        }
                    }
                }
            }
        }
        coverage.assertAll();
    }

    /** The three commands, on session-service or forwarded by the gallery: the same probes, the same answers. */
    private void commandProbes(Observations seen, OpenApiDocument doc, String base) {
        OpenApiDocument.Op start = doc.operation("startSession");
        OpenApiDocument.Op upload = doc.operation("uploadSource");
        OpenApiDocument.Op step = doc.operation("requestStep");
        String sessions = base + "/api/sessions";

        Response created = seen.check(start, null, json().body(Map.of("title", "contract")).post(sessions));
        UUID session = UUID.fromString(created.path("sessionId"));
        seen.check(start, "title-too-long", json().body(Map.of("title", "t".repeat(201))).post(sessions));
        seen.check(start, "control-character", json().body("{\"title\": \"hero\\u0000shot\"}").post(sessions));
        seen.check(start, "malformed-json", json().body("{not json").post(sessions));
        seen.check(start, "invalid-field", json().body("{\"title\": {\"nested\": 1}}").post(sessions));
        seen.check(start, "unsupported-media-type", given().contentType("text/plain").body("title").post(sessions));
        // the multipart form: a session with its photo in one command, refused whole
        seen.check(start, null, given().multiPart("title", "contract with photo").multiPart("image", "coffee.png", Api.coffee(), "image/png").post(sessions));
        seen.check(start, "missing-image", given().multiPart("title", "no photo").post(sessions));
        seen.check(start, "image-too-large", image("huge.png", TestImages.pngHeaderClaiming(100_000, 100_000)).post(sessions));
        seen.check(start, "unsupported-image", image("photo.png", "just some text, not pixels".getBytes()).post(sessions));
        seen.check(start, "corrupt-image", image("cut.jpg", cutJpeg()).post(sessions));
        seen.bodyTooLarge(start, sessions);
        // from a prompt: the root step is a draft the workers paint (PromptSessionTest follows one to its image)
        seen.check(start, null, json().body(Map.of("prompt", "a cup of coffee on a wooden table", "aspect", "1:1")).post(sessions));
        seen.check(start, "empty-prompt", json().body(Map.of("prompt", "  ")).post(sessions));
        seen.check(start, "prompt-too-long", json().body(Map.of("prompt", "cup ".repeat(600))).post(sessions));
        seen.check(start, "invalid-size", json().body(Map.of("prompt", "a cup", "size", "huge")).post(sessions));

        OpenApiDocument.Op delete = doc.operation("deleteSession");
        UUID empty = UUID.fromString(json().body(Map.of("title", "contract, deleted")).post(sessions).path("sessionId"));
        seen.check(delete, null, given().delete(sessions + "/" + empty));
        seen.check(delete, "not-found", given().delete(sessions + "/" + empty));
        seen.check(delete, "not-found", given().delete(sessions + "/not-a-uuid"));

        String source = sessions + "/" + session + "/source";
        seen.check(upload, "missing-image", given().multiPart("picture", "coffee.png", Api.coffee()).post(source));
        seen.check(upload, "unsupported-media-type", json().body(Map.of("image", "coffee.png")).post(source));
        seen.check(upload, "not-found", image("coffee.png", Api.coffee()).post(sessions + "/" + UUID.randomUUID() + "/source"));
        seen.check(upload, "not-found", image("coffee.png", Api.coffee()).post(sessions + "/not-a-uuid/source"));
        seen.check(upload, "image-too-large", image("huge.png", TestImages.pngHeaderClaiming(100_000, 100_000)).post(source));
        seen.bodyTooLarge(upload, source);
        seen.check(upload, "unsupported-image", image("photo.png", "just some text, not pixels".getBytes()).post(source));
        seen.check(upload, "corrupt-image", image("cut.jpg", cutJpeg()).post(source));
        Response added = seen.check(upload, null, image("coffee.png", Api.coffee()).post(source));
        UUID root = UUID.fromString(added.path("stepId"));
        seen.check(upload, "source-exists", image("coffee.png", Api.coffee()).post(source));

        String steps = sessions + "/" + session + "/steps";
        seen.check(step, null, json().header("Idempotency-Key", "contract-" + session).body(newStep(root, "make it 10% brighter")).post(steps));
        seen.check(step, "idempotency-key-reused", json().header("Idempotency-Key", "contract-" + session)
                .body(newStep(root, "make it 20% brighter")).post(steps));
        seen.check(step, "invalid-idempotency-key", json().header("Idempotency-Key", "k".repeat(201)).body(newStep(root, "warmer")).post(steps));
        seen.check(step, "missing-parent-step", json().body(Map.of("instruction", "warmer")).post(steps));
        seen.check(step, "empty-instruction", json().body(newStep(root, "  ")).post(steps));
        seen.check(step, "control-character", json().body(newStep(root, "warmer\u001b[2J")).post(steps));
        seen.check(step, "instruction-too-long", json().body(newStep(root, "warmer ".repeat(400))).post(steps));
        seen.check(step, "malformed-json", json().body("{\"parentStepId\": ").post(steps));
        seen.check(step, "invalid-field", json().body(Map.of("parentStepId", "not-a-uuid", "instruction", "warmer")).post(steps));
        seen.check(step, "unsupported-media-type", given().contentType("text/plain").body("warmer").post(steps));
        seen.check(step, "not-found", json().body(newStep(root, "warmer")).post(sessions + "/" + UUID.randomUUID() + "/steps"));
        seen.check(step, "not-found", json().body(newStep(root, "warmer")).post(sessions + "/not-a-uuid/steps"));
        seen.check(step, "unknown-parent-step", json().body(newStep(UUID.randomUUID(), "warmer")).post(steps));
        // finding the subject takes seconds: its child is asked for within milliseconds
        UUID slow = UUID.fromString(json().body(newStep(root, "blur the background so only the cup stays sharp")).post(steps).path("stepId"));
        seen.check(step, "parent-pending", json().body(newStep(slow, "warmer")).post(steps));
        // refused by the (fake) provider's safety system: a step that fails
        UUID failed = UUID.fromString(json().body(newStep(root, "add a weapon next to the cup")).post(steps).path("stepId"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> "failed".equals(
                given().get(Api.gallery() + "/api/sessions/" + session).then().extract().path("steps.find { it.stepId == '" + failed + "' }.status")));
        seen.check(step, "parent-failed", json().body(newStep(failed, "warmer")).post(steps));
        // the coach refuses wording that names no change, before anything is queued
        seen.check(step, "no-concrete-change", json().body(newStep(root, "make it better")).post(steps));

        OpenApiDocument.Op rename = doc.operation("renameSession");
        String here = sessions + "/" + session;
        seen.check(rename, null, json().body(Map.of("title", "contract, renamed")).patch(here));
        seen.check(rename, "title-too-long", json().body(Map.of("title", "t".repeat(201))).patch(here));
        seen.check(rename, "control-character", json().body("{\"title\": \"hero\\u0000shot\"}").patch(here));
        seen.check(rename, "malformed-json", json().body("{not json").patch(here));
        seen.check(rename, "invalid-field", json().body("{\"title\": {\"nested\": 1}}").patch(here));
        seen.check(rename, "unsupported-media-type", given().contentType("text/plain").body("title").patch(here));
        seen.check(rename, "not-found", json().body(Map.of("title", "nobody")).patch(sessions + "/" + UUID.randomUUID()));
        seen.check(rename, "not-found", json().body(Map.of("title", "nobody")).patch(sessions + "/not-a-uuid"));

        OpenApiDocument.Op name = doc.operation("renameStep");
        String failedStep = steps + "/" + failed;
        seen.check(name, null, json().body(Map.of("name", "the refused one")).patch(failedStep));
        seen.check(name, "title-too-long", json().body(Map.of("name", "n".repeat(201))).patch(failedStep));
        seen.check(name, "control-character", json().body("{\"name\": \"a\\u0007b\"}").patch(failedStep));
        seen.check(name, "malformed-json", json().body("{not json").patch(failedStep));
        seen.check(name, "invalid-field", json().body("{\"name\": {\"nested\": 1}}").patch(failedStep));
        seen.check(name, "unsupported-media-type", given().contentType("text/plain").body("name").patch(failedStep));
        seen.check(name, "not-found", json().body(Map.of("name", "x")).patch(steps + "/" + UUID.randomUUID()));
        seen.check(name, "not-found", json().body(Map.of("name", "x")).patch(steps + "/not-a-uuid"));

        OpenApiDocument.Op deleteStep = doc.operation("deleteStep");
        seen.check(deleteStep, "step-not-leaf", given().delete(steps + "/" + root));
        seen.check(deleteStep, null, given().delete(failedStep));
        seen.check(deleteStep, "not-found", given().delete(failedStep));
        seen.check(deleteStep, "not-found", given().delete(steps + "/not-a-uuid"));

        // a generation the (fake) provider takes 30 s over stays pending long enough to be cancelled (GenerationCancelTest follows one)
        OpenApiDocument.Op cancel = doc.operation("cancelStep");
        UUID slowStep = UUID.fromString(json().body(newStep(root, "add a " + io.atelier.generative.FakeOpenAiImages.SLOW + " next to the cup"))
                .post(steps).path("stepId"));
        seen.check(cancel, null, given().post(steps + "/" + slowStep + "/cancel"));
        seen.check(cancel, "step-finished", given().post(steps + "/" + slowStep + "/cancel"));
        seen.check(cancel, "step-finished", given().post(steps + "/" + root + "/cancel"));
        seen.check(cancel, "not-found", given().post(steps + "/" + UUID.randomUUID() + "/cancel"));
        seen.check(cancel, "not-found", given().post(sessions + "/not-a-uuid/steps/" + root + "/cancel"));
    }

    /** The brand kit, on session-service or forwarded by the gallery: the same probes, the same answers. */
    private void kitProbes(Observations seen, OpenApiDocument doc, String base) throws Exception {
        String kit = base + "/api/kit";
        seen.check(doc.operation("getKit"), null, given().get(kit));
        seen.check(doc.operation("getKitHistory"), null, given().get(kit + "/history"));

        OpenApiDocument.Op name = doc.operation("nameKit");
        seen.check(name, null, json().body(Map.of("name", "Contract kit")).put(kit + "/name"));
        seen.check(name, "invalid-kit-entry", json().body(Map.of("name", " ")).put(kit + "/name"));
        seen.check(name, "control-character", json().body("{\"name\": \"Contract\\u0007kit\"}").put(kit + "/name"));
        seen.check(name, "malformed-json", json().body("{\"name\": ").put(kit + "/name"));
        seen.check(name, "invalid-field", json().body("{\"name\": {\"nested\": 1}}").put(kit + "/name"));
        seen.check(name, "unsupported-media-type", given().contentType("text/plain").body("Contract").put(kit + "/name"));

        OpenApiDocument.Op colour = doc.operation("setPaletteColour");
        seen.check(colour, null, json().body(Map.of("name", "contract green", "hex", "#2E7D32")).put(kit + "/palette"));
        seen.check(colour, "invalid-kit-entry", json().body(Map.of("name", "contract green", "hex", "greenish")).put(kit + "/palette"));
        seen.check(colour, "control-character", json().body("{\"name\": \"green\\u0000\", \"hex\": \"#00ff00\"}").put(kit + "/palette"));
        seen.check(colour, "malformed-json", json().body("{").put(kit + "/palette"));
        seen.check(colour, "invalid-field", json().body("{\"name\": [1], \"hex\": \"#00ff00\"}").put(kit + "/palette"));
        seen.check(colour, "unsupported-media-type", given().contentType("text/plain").body("green").put(kit + "/palette"));
        OpenApiDocument.Op uncolour = doc.operation("removePaletteColour");
        seen.check(uncolour, null, given().queryParam("name", "contract green").delete(kit + "/palette"));
        seen.check(uncolour, "kit-entry-not-found", given().queryParam("name", "contract green").delete(kit + "/palette"));

        OpenApiDocument.Op logo = doc.operation("setLogo");
        seen.check(logo, null, given().multiPart("image", "logo.png", KitTestImages.logo(), "image/png").multiPart("placement", "top-left")
                .put(kit + "/logo"));
        seen.check(logo, "missing-image", given().multiPart("placement", "top-left").put(kit + "/logo"));
        seen.check(logo, "invalid-logo", given().multiPart("image", "cut.jpg", cutJpeg(), "image/jpeg").put(kit + "/logo"));
        seen.check(logo, "invalid-kit-entry", given().multiPart("image", "logo.png", KitTestImages.logo(), "image/png")
                .multiPart("size", "huge").put(kit + "/logo"));
        seen.check(logo, "unsupported-media-type", json().body(Map.of("image", "logo.png")).put(kit + "/logo"));
        seen.bodyTooLarge(logo, kit + "/logo", "PUT");

        OpenApiDocument.Op font = doc.operation("setFont");
        seen.check(font, null, given().multiPart("font", "LiberationSans-Regular.ttf", KitTestImages.font(), "font/ttf").put(kit + "/font"));
        seen.check(font, "missing-font", given().multiPart("image", "coffee.png", Api.coffee(), "image/png").put(kit + "/font"));
        seen.check(font, "invalid-font", given().multiPart("font", "coffee.ttf", Api.coffee(), "font/ttf").put(kit + "/font"));
        seen.check(font, "unsupported-media-type", json().body(Map.of("font", "x.ttf")).put(kit + "/font"));
        seen.bodyTooLarge(font, kit + "/font", "PUT");

        OpenApiDocument.Op save = doc.operation("saveInstruction");
        UUID session = Api.newSession("contract kit");
        UUID root = Api.uploadPhoto(session);
        UUID step = Api.step(session, root, "make it 10% brighter");
        assertThat(Api.awaitFinished(session, step)).isEqualTo("rendered");
        String saveUrl = kit + "/instructions";
        seen.check(save, null, json().body(Map.of("sessionId", session.toString(), "stepId", step.toString(), "name", "contract brighter")).post(saveUrl));
        seen.check(save, "not-found", json().body(Map.of("sessionId", session.toString(), "stepId", UUID.randomUUID().toString())).post(saveUrl));
        seen.check(save, "step-not-rendered", json().body(Map.of("sessionId", session.toString(), "stepId", root.toString())).post(saveUrl));
        seen.check(save, "invalid-kit-entry", json().body(Map.of("name", "no step")).post(saveUrl));
        seen.check(save, "control-character", json().body(Map.of("sessionId", session.toString(), "stepId", step.toString(),
                "name", "bright\u0007er")).post(saveUrl));
        seen.check(save, "malformed-json", json().body("{\"sessionId\": ").post(saveUrl));
        seen.check(save, "invalid-field", json().body(Map.of("sessionId", "not-a-uuid", "stepId", step.toString())).post(saveUrl));
        seen.check(save, "unsupported-media-type", given().contentType("text/plain").body("save").post(saveUrl));
        OpenApiDocument.Op unsave = doc.operation("removeInstruction");
        seen.check(unsave, null, given().queryParam("name", "contract brighter").delete(saveUrl));
        seen.check(unsave, "kit-entry-not-found", given().queryParam("name", "contract brighter").delete(saveUrl));
    }

    private void readProbes(Observations seen) throws Exception {
        String sessions = Api.gallery() + "/api/sessions";
        UUID session = Api.newSession("contract reads");
        UUID root = Api.uploadPhoto(session);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get(sessions + "/" + session).then().extract().statusCode() == 200
                        && root.toString().equals(given().get(sessions + "/" + session).then().extract().path("rootStepId")));

        OpenApiDocument.Op list = galleryDoc.operation("listSessions");
        seen.check(list, null, given().queryParam("limit", 5).get(sessions));
        seen.check(list, "invalid-limit", given().queryParam("limit", "many").get(sessions));

        OpenApiDocument.Op tree = galleryDoc.operation("getSessionTree");
        seen.check(tree, null, given().get(sessions + "/" + session));
        seen.check(tree, "not-found", given().get(sessions + "/" + UUID.randomUUID()));
        seen.check(tree, "not-found", given().get(sessions + "/not-a-uuid"));

        for (String kind : new String[] {"image", "thumbnail", "preview"}) {
            OpenApiDocument.Op op = galleryDoc.operation(switch (kind) {
                case "image" -> "getStepImage";
                case "thumbnail" -> "getStepThumbnail";
                default -> "getStepPreview";
            });
            String url = sessions + "/" + session + "/steps/" + root + "/" + kind;
            Response ok = seen.check(op, null, given().get(url));
            seen.check(op, null, given().header("If-None-Match", ok.header("ETag")).get(url));
            seen.check(op, "not-found", given().get(sessions + "/" + session + "/steps/" + UUID.randomUUID() + "/" + kind));
            seen.check(op, "not-found", given().get(sessions + "/" + session + "/steps/not-a-uuid/" + kind));
        }

        OpenApiDocument.Op mask = galleryDoc.operation("getStepMask");
        UUID painted = Api.step(session, root, "add a potted plant next to the cup");
        assertThat(Api.awaitFinished(session, painted)).isEqualTo("rendered");
        String maskUrl = sessions + "/" + session + "/steps/" + painted + "/mask";
        Response maskOk = seen.check(mask, null, given().get(maskUrl));
        seen.check(mask, null, given().header("If-None-Match", maskOk.header("ETag")).get(maskUrl));
        seen.check(mask, "not-found", given().get(sessions + "/" + session + "/steps/" + root + "/mask"));
        seen.check(mask, "not-found", given().get(sessions + "/" + session + "/steps/not-a-uuid/mask"));

        // the download carries its history in an iTXt chunk, read back with the JDK's own PNG reader
        OpenApiDocument.Op export = galleryDoc.operation("exportStepImage");
        Response exported = seen.check(export, null, given().get(sessions + "/" + session + "/steps/" + painted + "/export"));
        assertThat(exported.header("Content-Disposition")).contains("atelier-" + painted + ".png");
        JsonNode history = new com.fasterxml.jackson.databind.ObjectMapper().readTree(PngText.read(exported.asByteArray(), "atelier:history"));
        assertThat(history.path("session").asText()).isEqualTo(session.toString());
        assertThat(history.path("step").asText()).isEqualTo(painted.toString());
        assertThat(history.path("chain").findValuesAsText("stepId")).containsExactly(root.toString(), painted.toString());
        assertThat(history.path("actions").findValuesAsText("action")).containsExactly("c2pa.opened", "c2pa.edited");
        byte[] original = given().get(sessions + "/" + session + "/steps/" + painted + "/image").then().statusCode(200).extract().asByteArray();
        assertThat(PngText.pixels(exported.asByteArray())).as("the export's pixels").isEqualTo(PngText.pixels(original));
        seen.check(export, "not-found", given().get(sessions + "/" + session + "/steps/" + UUID.randomUUID() + "/export"));
        seen.check(export, "not-found", given().get(sessions + "/" + session + "/steps/not-a-uuid/export"));

        seen.check(galleryDoc.operation("getCapabilities"), null, given().get(Api.gallery() + "/api/capabilities"));
        seen.check(galleryDoc.operation("listPresets"), null, given().get(Api.gallery() + "/api/presets"));

        OpenApiDocument.Op audit = galleryDoc.operation("getSessionAudit");
        seen.check(audit, null, given().get(sessions + "/" + session + "/audit"));
        seen.check(audit, null, given().accept("application/x-ndjson").get(sessions + "/" + session + "/audit"));
        seen.check(audit, "not-found", given().get(sessions + "/" + UUID.randomUUID() + "/audit"));
        seen.check(audit, "not-found", given().get(sessions + "/not-a-uuid/audit"));
        seen.check(audit, "invalid-limit", given().queryParam("limit", "many").get(sessions + "/" + session + "/audit"));

        OpenApiDocument.Op events = galleryDoc.operation("streamSessionEvents");
        seen.check(events, "not-found", given().get(sessions + "/" + UUID.randomUUID() + "/events"));
        // the stream never ends by itself: read its status and type, then hang up
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<java.io.InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(sessions + "/" + session + "/events"))
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + RunningStack.apiKey())
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
            stream.body().close();
            seen.record(events, stream.statusCode(), stream.headers().firstValue("Content-Type").orElse(""), null);
        }
    }

    /** Who a key is, signing the studio in and out, and the 401 of every documented /api operation to a caller without a key. */
    private void accessProbes(Observations seen) {
        seen.check(sessionDoc.operation("getWorkspace"), null, given().get(Api.session() + "/api/workspace"));
        seen.check(galleryDoc.operation("getWorkspace"), null, given().get(Api.gallery() + "/api/workspace"));
        seen.check(galleryDoc.operation("signIn"), null, given().post(Api.gallery() + "/api/signin"));
        seen.check(galleryDoc.operation("signOut"), null, given().post(Api.gallery() + "/api/signout"));
        String notAKey = "Bearer atk_nonsense";
        for (OpenApiDocument doc : new OpenApiDocument[] {sessionDoc, galleryDoc}) {
            String base = doc == sessionDoc ? Api.session() : Api.gallery();
            for (OpenApiDocument.Op op : doc.operations()) {
                if (!op.path().startsWith("/api")) {
                    continue;
                }
                String url = base + op.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                var request = given().header("Authorization", notAKey);
                JsonNode body = op.node().path("requestBody").path("content");
                if (body.has("application/json")) {
                    request = request.contentType("application/json").body("{}");
                } else if (body.has("multipart/form-data")) {
                    request = request.multiPart("image", "coffee.png", Api.coffee());
                }
                seen.check(op, "unauthorized", request.request(op.method().toUpperCase(java.util.Locale.ROOT), url));
            }
        }
    }

    /** What the probes saw, checked against the document as they come in. */
    private static final class Observations {
        final SoftAssertions soft = new SoftAssertions();
        final Set<String> keys = new TreeSet<>();

        Response check(OpenApiDocument.Op op, String expectedSlug, Response r) {
            String type = r.contentType() == null ? "" : r.contentType();
            String slug = null;
            if (r.statusCode() >= 400 && type.startsWith(PROBLEM)) {
                String problemType = r.path("type");
                slug = problemType == null ? null : problemType.replace("https://atelier.dev/problems/", "");
                soft.assertThat((Integer) r.path("status")).as("%s body status", op).isEqualTo(r.statusCode());
                soft.assertThat((String) r.path("detail")).as("%s detail", op).isNotBlank();
            }
            soft.assertThat(slug).as("%s: expected problem %s, got HTTP %d %s", op, expectedSlug, r.statusCode(), r.asString())
                    .isEqualTo(expectedSlug);
            record(op, r.statusCode(), type, slug);
            for (var header : iterable(op.response(r.statusCode()).path("headers").fieldNames())) {
                if (!header.equals("Content-Length")) {
                    soft.assertThat(r.header(header)).as("%s %d documents header %s", op, r.statusCode(), header).isNotNull();
                }
            }
            return r;
        }

        // over the one body limit both services answer before reading the body, with the same problem, and hang up
        void bodyTooLarge(OpenApiDocument.Op op, String url) {
            bodyTooLarge(op, url, "POST");
        }

        void bodyTooLarge(OpenApiDocument.Op op, String url, String method) {
            String boundary = "atelier-contract";
            try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).expectContinue(true)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(new byte[61 * 1024 * 1024])).build(), HttpResponse.BodyHandlers.ofString());
                soft.assertThat(r.statusCode()).as("%s over the body limit", op).isEqualTo(413);
                JsonNode problem = OpenApiDocument.parse(r.body());
                soft.assertThat(problem.path("type").asText()).as("%s over the body limit: %s", op, r.body()).endsWith("/body-too-large");
                soft.assertThat(problem.path("detail").asText()).as("%s names the limit", op).contains("60 MB");
                record(op, r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), "body-too-large");
                soft.assertThat(op.node().path("description").asText()).as("%s says what a body over the limit gets", op).contains("60 MB");
            } catch (java.io.IOException e) {
                soft.fail("%s: no answer to a body over the limit: %s", op, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        void record(OpenApiDocument.Op op, int status, String contentType, String slug) {
            soft.assertThat(op.statuses()).as("%s documents HTTP %d", op, status).contains(status);
            JsonNode content = op.response(status).path("content");
            if (status >= 400) {
                soft.assertThat(contentType).as("%s %d content type", op, status).startsWith(PROBLEM);
                soft.assertThat(op.problems(status)).as("%s documents problem %s under %d", op, slug, status).contains(slug);
                keys.add(op + " " + status + " " + slug);
            } else {
                if (!content.isMissingNode() && status != 304) {
                    String media = contentType.split(";")[0].trim();
                    soft.assertThat(names(content)).as("%s %d documents content type %s", op, status, media).contains(media);
                }
                keys.add(op + " " + status);
            }
        }
    }

    private static RequestSpecification json() {
        return given().contentType("application/json");
    }

    private static RequestSpecification image(String name, byte[] bytes) {
        return given().multiPart("image", name, bytes, "application/octet-stream");
    }

    private static Map<String, String> newStep(UUID parent, String instruction) {
        return Map.of("parentStepId", parent.toString(), "instruction", instruction);
    }

    private static byte[] cutJpeg() {
        try {
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            ImageIO.write(ImageIO.read(new ByteArrayInputStream(Api.coffee())), "jpeg", jpeg);
            return Arrays.copyOf(jpeg.toByteArray(), jpeg.size() / 2);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> names(JsonNode node) {
        Set<String> out = new TreeSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        return () -> it;
    }

    private static Set<String> paramNames(OpenApiDocument.Op op) {
        Set<String> out = new TreeSet<>();
        op.node().path("parameters").forEach(p -> out.add(p.path("in").asText() + ":" + p.path("name").asText()));
        return out;
    }

    // what a client's code depends on: each property's name, type, format and reference
    private static Map<String, String> shape(JsonNode schema) {
        Map<String, String> out = new java.util.TreeMap<>();
        schema.path("properties").fields().forEachRemaining(p -> out.put(p.getKey(),
                p.getValue().path("type").asText() + "|" + p.getValue().path("format").asText() + "|" + p.getValue().path("$ref").asText()));
        return out;
    }
}
