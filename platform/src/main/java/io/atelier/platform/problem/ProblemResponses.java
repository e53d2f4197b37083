package io.atelier.platform.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents every error answer of every operation from one declaration: an operation names the
 * problems only it can give in the {@value #EXTENSION} extension ({@code @Extension(name = EXTENSION,
 * value = "empty-instruction parent-pending")}); the ones that follow from its shape are added here
 * (500 for all; 503 for a database or S3 that does not answer, for all but the framework's /q paths; 401 and the bearer-key requirement for every {@code /api} path; 404 for an id in the path; malformed JSON; a wrong media type).
 * Each status gets one {@code application/problem+json} response with the {@link Problem} schema and an
 * example per problem type. An unknown slug fails the build.
 */
public final class ProblemResponses implements OASFilter {
    /** The operation extension that lists the problem slugs the operation itself can answer with. */
    public static final String EXTENSION = "x-atelier-problems";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean anyApi = openAPI.getPaths().getPathItems().keySet().stream().anyMatch(ProblemResponses::needsKey);
        if (anyApi) {
            org.eclipse.microprofile.openapi.models.Components components = openAPI.getComponents() == null
                    ? OASFactory.createComponents() : openAPI.getComponents();
            components.addSecurityScheme(SECURITY_SCHEME, OASFactory.createSecurityScheme()
                    .type(org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type.HTTP).scheme("bearer")
                    .description("An API key, `atk_<prefix>_<secret>`, from `./atelier keys create --workspace <id>`; "
                            + "the workspace comes from the key alone. The studio signs in once and then sends an HttpOnly cookie."));
            openAPI.setComponents(components);
        }
        openAPI.getPaths().getPathItems().forEach((path, item) ->
                item.getOperations().values().forEach(operation -> document(path, operation)));
    }

    /** The name of the bearer-key security scheme in the documents. */
    public static final String SECURITY_SCHEME = "apiKey";

    // everything under /api needs a key; the framework's /q endpoints (health, the document itself) do not
    private static boolean needsKey(String path) {
        return path.startsWith("/api/") || path.equals("/api");
    }

    private static void document(String path, Operation operation) {
        List<ProblemType> problems = new ArrayList<>(declared(operation));
        if (needsKey(path)) {
            problems.add(ProblemType.UNAUTHORIZED);
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SECURITY_SCHEME)));
        }
        problems.addAll(fromShape(operation));
        problems.add(ProblemType.INTERNAL_ERROR);
        if (!path.startsWith("/q/")) {
            problems.add(ProblemType.UNAVAILABLE); // health answers its own 503, not a problem
        }
        Map<Integer, List<ProblemType>> byStatus = problems.stream().distinct()
                .collect(Collectors.groupingBy(ProblemType::status, TreeMap::new, Collectors.toList()));
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        byStatus.forEach((status, types) -> responses.addAPIResponse(Integer.toString(status),
                response(path, types, responses.getAPIResponse(Integer.toString(status)))));
        operation.setResponses(responses);
    }

    private static List<ProblemType> declared(Operation operation) {
        Object value = operation.getExtensions() == null ? null : operation.getExtensions().get(EXTENSION);
        // the scanner copies an operation's extensions onto its body, parameters and responses: the declaration is for this filter only
        operation.removeExtension(EXTENSION);
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(p -> p.removeExtension(EXTENSION));
        }
        if (operation.getRequestBody() != null) {
            operation.getRequestBody().removeExtension(EXTENSION);
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().values().forEach(r -> r.removeExtension(EXTENSION));
        }
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.toString().trim().split("\\s+"))
                .map(slug -> ProblemType.bySlug(slug).orElseThrow(() -> new IllegalStateException(
                        "operation " + operation.getOperationId() + " declares an unknown problem type '" + slug + "'")))
                .toList();
    }

    // what the framework answers for any operation of this shape (see ProblemMappers)
    private static List<ProblemType> fromShape(Operation operation) {
        List<ProblemType> out = new ArrayList<>();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            out.add(ProblemType.NOT_FOUND); // an unknown id, or one that is not a UUID at all
        }
        Content body = operation.getRequestBody() == null ? null : operation.getRequestBody().getContent();
        if (body != null && body.getMediaTypes() != null) {
            if (body.hasMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)) {
                out.add(ProblemType.MALFORMED_JSON);
                out.add(ProblemType.INVALID_FIELD);
            }
            out.add(ProblemType.UNSUPPORTED_MEDIA_TYPE);
        }
        return out;
    }

    // one response per status; merged into what is already there, so running twice changes nothing
    private static APIResponse response(String path, List<ProblemType> types, APIResponse existing) {
        MediaType problemJson = existing == null || existing.getContent() == null ? null
                : existing.getContent().getMediaType(Problem.MEDIA_TYPE);
        if (problemJson == null) {
            problemJson = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(Problem.SCHEMA));
        }
        Map<String, Example> examples = problemJson.getExamples() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(problemJson.getExamples());
        for (ProblemType type : types) {
            examples.computeIfAbsent(type.slug(), slug -> example(path, type));
        }
        problemJson.setExamples(examples);
        String description = examples.keySet().stream().map(slug -> ProblemType.bySlug(slug).map(t -> t.title() + " (" + slug + ")").orElse(slug))
                .collect(Collectors.joining("; "));
        APIResponse response = existing == null ? OASFactory.createAPIResponse() : existing;
        Content content = response.getContent() == null ? OASFactory.createContent() : response.getContent();
        content.addMediaType(Problem.MEDIA_TYPE, problemJson);
        if (types.stream().anyMatch(ProblemType::retryAfter)) {
            response.addHeader("Retry-After", OASFactory.createHeader()
                    .description("Whole seconds to wait before trying again.")
                    .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.ONE)));
        }
        return response.description(description).content(content);
    }

    private static Example example(String path, ProblemType type) {
        Problem example = type.example().at(path.replace("{id}", "6f1c2f9e-8d1b-4c47-9a57-2b1e8f0c7d11")
                .replace("{step}", "0b7e4d52-3f7a-4c1e-8e0b-5d7c9a1f2e33"));
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", example.type().toString());
        value.put("title", example.title());
        value.put("status", example.status());
        value.put("detail", example.detail());
        value.put("instance", example.instance());
        return OASFactory.createExample().summary(type.title()).value(value);
    }
}
