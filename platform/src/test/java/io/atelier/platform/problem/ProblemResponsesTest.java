package io.atelier.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

    private static OpenAPI document(String problems) {
        Operation step = OASFactory.createOperation().operationId("requestStep")
                .addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH))
                .requestBody(OASFactory.createRequestBody().content(OASFactory.createContent()
                        .addMediaType("application/json", OASFactory.createMediaType())))
                .responses(OASFactory.createAPIResponses().addAPIResponse("202", OASFactory.createAPIResponse().description("accepted")))
                .addExtension(ProblemResponses.EXTENSION, problems);
        Operation list = OASFactory.createOperation().operationId("listSessions").responses(OASFactory.createAPIResponses());
        Operation health = OASFactory.createOperation().operationId("health").responses(OASFactory.createAPIResponses());
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/sessions/{id}/steps", OASFactory.createPathItem().POST(step))
                .addPathItem("/api/sessions", OASFactory.createPathItem().GET(list))
                .addPathItem("/q/health", OASFactory.createPathItem().GET(health)));
    }

    private static Map<String, APIResponse> responses(OpenAPI doc, String path) {
        return doc.getPaths().getPathItem(path).getOperations().values().iterator().next().getResponses().getAPIResponses();
    }

    @Test
    void declaredAndShapedProblemsBecomeOneProblemJsonResponsePerStatus() {
        OpenAPI doc = document("empty-instruction parent-pending");
        new ProblemResponses().filterOpenAPI(doc);

        Map<String, APIResponse> step = responses(doc, "/api/sessions/{id}/steps");
        assertThat(step).containsOnlyKeys("202", "400", "401", "404", "409", "415", "500", "503");
        var badRequest = step.get("400").getContent().getMediaType(Problem.MEDIA_TYPE);
        assertThat(badRequest.getSchema().getRef()).isEqualTo("#/components/schemas/Problem");
        assertThat(badRequest.getExamples()).containsOnlyKeys("empty-instruction", "malformed-json", "invalid-field");
        assertThat(badRequest.getExamples().get("empty-instruction").getValue()).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("status", 400)
                .containsEntry("type", "https://atelier.dev/problems/empty-instruction");
        assertThat(step.get("409").getContent().getMediaType(Problem.MEDIA_TYPE).getExamples()).containsOnlyKeys("parent-pending");
        assertThat(doc.getPaths().getPathItem("/api/sessions/{id}/steps").getPOST().getExtensions()).doesNotContainKey(ProblemResponses.EXTENSION);
        // every /api operation needs the bearer key and documents its 401; the framework's /q paths stay open
        assertThat(step.get("401").getContent().getMediaType(Problem.MEDIA_TYPE).getExamples()).containsOnlyKeys("unauthorized");
        assertThat(doc.getPaths().getPathItem("/api/sessions/{id}/steps").getPOST().getSecurity()).singleElement()
                .satisfies(r -> assertThat(r.getSchemes()).containsOnlyKeys(ProblemResponses.SECURITY_SCHEME));
        assertThat(doc.getComponents().getSecuritySchemes().get(ProblemResponses.SECURITY_SCHEME).getScheme()).isEqualTo("bearer");
        // a database or S3 that does not answer is a 503 the client may retry after Retry-After
        assertThat(step.get("503").getContent().getMediaType(Problem.MEDIA_TYPE).getExamples()).containsOnlyKeys("unavailable");
        assertThat(step.get("503").getHeaders()).containsKey("Retry-After");
        // an operation with no body or path id still documents its 500 and 503 (and its 401 under /api); health answers its own 503
        assertThat(responses(doc, "/api/sessions")).containsOnlyKeys("401", "500", "503");
        assertThat(responses(doc, "/q/health")).containsOnlyKeys("500");
        assertThat(doc.getPaths().getPathItem("/q/health").getGET().getSecurity()).isNull();
    }

    @Test
    void runningTwiceChangesNothing() {
        OpenAPI doc = document("empty-instruction");
        new ProblemResponses().filterOpenAPI(doc);
        String once = responses(doc, "/api/sessions/{id}/steps").get("400").getDescription();
        new ProblemResponses().filterOpenAPI(doc);
        assertThat(responses(doc, "/api/sessions/{id}/steps").get("400").getDescription()).isEqualTo(once).contains("Empty instruction");
    }

    @Test
    void anUnknownProblemTypeFailsTheBuild() {
        assertThatThrownBy(() -> new ProblemResponses().filterOpenAPI(document("empty-instruction no-such-problem")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such-problem").hasMessageContaining("requestStep");
    }

    @Test
    void everyProblemTypeHasItsOwnSlugAndAnErrorStatus() {
        assertThat(ProblemType.values()).extracting(ProblemType::slug).doesNotHaveDuplicates();
        assertThat(ProblemType.values()).allSatisfy(t -> assertThat(t.status()).isBetween(400, 599));
        assertThat(ProblemType.bySlug("parent-pending")).contains(ProblemType.PARENT_PENDING);
    }
}
