package io.atelier.engine.planner.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.atelier.engine.plan.EditPlan;
import io.atelier.engine.ops.Operation;
import io.atelier.engine.planner.PlanOutcome;
import io.atelier.engine.planner.Planner;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Asks a language model, through an OpenAI-compatible chat completions endpoint, for an edit plan in
 * structured output (a JSON Schema generated from the operation declarations). The answer is validated
 * against that schema (every field present, nothing unknown, each value within its declared bounds) and
 * read into a plan, which checks the bounds again; an answer that fails,
 * or a request that does, falls back to the built-in planner, and the outcome says so.
 */
public final class LlmPlanner implements Planner {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .build();
    private static final String SYSTEM = """
            You turn a photographer's instruction into an edit plan for the Atelier image engine. Answer only with \
            {"operations": [...], "notes": [...]}, each operation exactly as the schema declares it, in the order they \
            should run; in notes, say briefly what you read each part of the instruction as, what you assumed (an amount, \
            a side, a colour) and what you left out and why. \
            Use only what the instruction asks for; keep amounts moderate unless it asks for a lot. Regions: whole, \
            subject, background, a side band or a tonal range. If it asks for something no operation can do, leave it out.""";

    private final LlmSettings settings;
    private final Planner fallback;
    private final HttpClient http;
    private final ObjectNode schema;
    private final JsonSchema validator;

    public LlmPlanner(LlmSettings settings, Planner fallback) {
        this.settings = settings;
        this.fallback = fallback;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        this.schema = ResponseSchema.generate();
        this.validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
    }

    /** Which planner a plan from this one names. */
    public String name() {
        return "llm/" + settings.model();
    }

    @Override
    public PlanOutcome plan(String instruction) {
        String problem;
        try {
            HttpResponse<String> response = http.send(request(instruction), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                problem = "the language model endpoint answered HTTP " + response.statusCode();
            } else {
                Answer answer = read(response.body(), validator);
                if (answer.operations().isEmpty()) {
                    problem = "the language model found nothing to do";
                } else {
                    return new PlanOutcome(plan(instruction, answer), List.of(), List.of(), List.of(), answer.notes(), List.of());
                }
            }
        } catch (InvalidAnswer e) {
            problem = "the language model's answer was not a valid plan (" + e.getMessage() + ")";
        } catch (IOException e) {
            problem = "the language model endpoint could not be reached (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "the request to the language model was interrupted";
        }
        PlanOutcome built = fallback.plan(instruction);
        List<String> notes = new ArrayList<>();
        notes.add(problem + "; the built-in planner made this plan instead");
        notes.addAll(built.notes());
        // the plan carries the fallback note too, so a rendered step still says why the built-in planner made it
        EditPlan plan = EditPlan.of(instruction, built.plan().planner(), built.plan().operations(), notes);
        return new PlanOutcome(plan, built.notUnderstood(), built.synthesis(), built.missing(), notes, built.closest());
    }

    @Override
    public String capabilities() {
        return fallback.capabilities();
    }

    private HttpRequest request(String instruction) {
        ObjectNode body = STRICT.createObjectNode();
        body.put("model", settings.model());
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", SYSTEM);
        messages.addObject().put("role", "user").put("content", instruction);
        body.put("temperature", 0);
        ObjectNode format = body.putObject("response_format");
        format.put("type", "json_schema");
        ObjectNode jsonSchema = format.putObject("json_schema");
        jsonSchema.put("name", ResponseSchema.NAME);
        jsonSchema.put("strict", true);
        jsonSchema.set("schema", schema);
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.chatCompletions())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        settings.apiKey().ifPresent(key -> request.header("Authorization", "Bearer " + key));
        return request.build();
    }

    // choices[0].message.content holds the plan as a JSON string; a refusal or a truncated answer is invalid.
    // Every operation within its declared bounds, or no plan at all.
    private EditPlan plan(String instruction, Answer answer) throws InvalidAnswer {
        try {
            return EditPlan.of(instruction, name(), answer.operations(), answer.notes());
        } catch (IllegalArgumentException e) {
            throw new InvalidAnswer(e.getMessage());
        }
    }

    /** The model's operations and its notes on how it read the instruction. */
    private record Answer(List<Operation> operations, List<String> notes) {
    }

    private static Answer read(String body, JsonSchema validator) throws InvalidAnswer {
        try {
            JsonNode completion = STRICT.readTree(body);
            JsonNode message = completion.path("choices").path(0).path("message");
            if (message.hasNonNull("refusal")) {
                throw new InvalidAnswer("it refused: " + message.get("refusal").asText());
            }
            String finish = completion.path("choices").path(0).path("finish_reason").asText("");
            if (finish.equals("length")) {
                throw new InvalidAnswer("it was cut off");
            }
            JsonNode content = STRICT.readTree(message.path("content").asText(""));
            if (content == null || !content.isObject() || !content.path("operations").isArray() || !content.path("notes").isArray()
                    || content.size() != 2) {
                throw new InvalidAnswer("expected an object with only an operations array and a notes array");
            }
            Set<ValidationMessage> errors = validator.validate(content);
            if (!errors.isEmpty()) {
                throw new InvalidAnswer(errors.iterator().next().getMessage() + (errors.size() > 1 ? " and " + (errors.size() - 1) + " more" : ""));
            }
            List<Operation> operations = new ArrayList<>();
            for (JsonNode op : content.get("operations")) {
                operations.add(STRICT.treeToValue(op, Operation.class));
            }
            List<String> notes = new ArrayList<>();
            content.get("notes").forEach(n -> {
                String note = n.asText().strip();
                if (!note.isEmpty() && notes.size() < ResponseSchema.NOTES) {
                    notes.add(note.length() > ResponseSchema.NOTE_LENGTH ? note.substring(0, ResponseSchema.NOTE_LENGTH - 1) + "…" : note);
                }
            });
            return new Answer(operations, notes);
        } catch (JsonProcessingException e) {
            throw new InvalidAnswer(e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidAnswer(e.getMessage());
        }
    }

    /** The model answered, but not with a plan the engine can run. */
    private static final class InvalidAnswer extends Exception {
        InvalidAnswer(String message) {
            super(message);
        }
    }
}
