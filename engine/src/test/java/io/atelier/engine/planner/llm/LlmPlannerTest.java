package io.atelier.engine.planner.llm;

import io.atelier.engine.ops.Contrast;
import io.atelier.engine.ops.CropToAspect;
import io.atelier.engine.ops.Exposure;
import io.atelier.engine.ops.WhiteBalance;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.engine.ops.Operation;
import io.atelier.engine.plan.Region;
import io.atelier.engine.planner.BuiltinPlanner;
import io.atelier.engine.planner.PlanOutcome;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The optional language-model planner against a local chat completions endpoint that checks every request field. */
class LlmPlannerTest {
    private static final String MODEL = "gpt-test-mini";
    private static final String KEY = "sk-test-0123456789";
    private FakeChatCompletions endpoint;
    private LlmPlanner planner;

    @BeforeEach
    void start() throws Exception {
        endpoint = new FakeChatCompletions(MODEL, KEY);
        planner = new LlmPlanner(new LlmSettings(endpoint.baseUrl(), MODEL, Optional.of(KEY), Duration.ofSeconds(10)), BuiltinPlanner.standard());
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void aValidAnswerBecomesThePlanAndSaysWhoMadeIt() {
        endpoint.answerWith("""
                {"operations":[{"op":"white-balance","temperature":25,"tint":0,"region":{"kind":"whole"}},
                               {"op":"contrast","amount":-20,"region":{"kind":"whole"}}],
                 "notes":["read 'warmer' as white balance +25 on the whole picture", "read 'softer contrast' as contrast -20"]}""");
        PlanOutcome outcome = planner.plan("warmer, with softer contrast");
        assertThat(endpoint.problems()).isEmpty();
        assertThat(outcome.fullyUnderstood()).isTrue();
        assertThat(outcome.plan().planner()).isEqualTo("llm/" + MODEL);
        assertThat(outcome.plan().operations()).containsExactly(new WhiteBalance(25, 0, Region.WHOLE),
                new Contrast(-20, Region.WHOLE));
        assertThat(outcome.plan().notes()).containsExactly("read 'warmer' as white balance +25 on the whole picture",
                "read 'softer contrast' as contrast -20");
        assertThat(outcome.notes()).isEqualTo(outcome.plan().notes());
        assertThat(endpoint.requests()).singleElement().satisfies(r ->
                assertThat(r.path("messages").get(1).path("content").asText()).isEqualTo("warmer, with softer contrast"));
    }

    @Test
    void anAnswerOutOfBoundsFallsBackToTheBuiltInPlannerAndSaysSo() {
        endpoint.answerWith("{\"operations\":[{\"op\":\"exposure\",\"stops\":9,\"region\":{\"kind\":\"whole\"}}]}");
        PlanOutcome outcome = planner.plan("much brighter");
        assertThat(endpoint.problems()).isEmpty();
        assertThat(outcome.plan().planner()).startsWith(BuiltinPlanner.VERSION);
        assertThat(outcome.plan().operations()).singleElement().isInstanceOfSatisfying(Exposure.class,
                e -> assertThat(e.stops()).isPositive());
        assertThat(outcome.notes().get(0)).contains("not a valid plan").contains("built-in planner");
        assertThat(outcome.plan().notes()).as("the rendered plan says why the built-in planner made it").isEqualTo(outcome.notes());
    }

    @Test
    void anAnswerWithoutNotesOrWithTooManyIsHandled() {
        endpoint.answerWith("{\"operations\":[{\"op\":\"contrast\",\"amount\":20,\"region\":{\"kind\":\"whole\"}}]}");
        assertThat(planner.plan("more contrast").notes().get(0)).contains("not a valid plan").contains("notes");
        String many = "\"" + "x".repeat(500) + "\"," + "\"a\",".repeat(20) + "\"b\"";
        endpoint.answerWith("{\"operations\":[{\"op\":\"contrast\",\"amount\":20,\"region\":{\"kind\":\"whole\"}}],\"notes\":[" + many + "]}");
        PlanOutcome outcome = planner.plan("more contrast");
        assertThat(outcome.plan().planner()).isEqualTo("llm/" + MODEL);
        assertThat(outcome.plan().notes()).hasSize(ResponseSchema.NOTES);
        assertThat(outcome.plan().notes().get(0)).hasSize(ResponseSchema.NOTE_LENGTH);
        assertThat(endpoint.problems()).isEmpty();
    }

    @Test
    void anAnswerWithAMissingFieldOrAnUnknownOperationFallsBack() {
        endpoint.answerWith("{\"operations\":[{\"op\":\"contrast\",\"region\":{\"kind\":\"whole\"}}]}");
        assertThat(planner.plan("more contrast").notes().get(0)).contains("not a valid plan");
        endpoint.answerWith("{\"operations\":[{\"op\":\"add-unicorn\",\"size\":3}]}");
        assertThat(planner.plan("more contrast").notes().get(0)).contains("not a valid plan");
        endpoint.answerWith("not json at all");
        PlanOutcome outcome = planner.plan("more contrast");
        assertThat(outcome.notes().get(0)).contains("not a valid plan");
        assertThat(outcome.plan().operations()).singleElement().isInstanceOf(Contrast.class);
        assertThat(endpoint.problems()).isEmpty();
    }

    @Test
    void aFailedRequestFallsBack() {
        endpoint.failWith(503);
        PlanOutcome outcome = planner.plan("crop it square");
        assertThat(outcome.notes().get(0)).contains("HTTP 503");
        assertThat(outcome.plan().operations()).singleElement().isInstanceOf(CropToAspect.class);
    }

    @Test
    void theKeyIsNeverPrinted() {
        LlmSettings settings = new LlmSettings(endpoint.baseUrl(), MODEL, Optional.of(KEY), Duration.ofSeconds(1));
        assertThat(settings.toString()).doesNotContain(KEY).contains("(set)");
    }

    @Test
    void theResponseSchemaIsStrictAndCoversEveryOperation() {
        var schema = ResponseSchema.generate();
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        var anyOf = schema.path("properties").path("operations").path("items").path("anyOf");
        int declared = io.atelier.engine.ops.OperationNames.all().size();
        assertThat(anyOf.size()).isEqualTo(declared);
        assertThat(anyOf.toString()).contains("\"white-balance\"").contains("\"crop-to-aspect\"").contains("\"steam\"");
        anyOf.forEach(op -> assertThat(op.path("required").size()).isEqualTo(op.path("properties").size()));
        assertThat(schema.path("required").toString()).contains("\"operations\"").contains("\"notes\"");
        assertThat(schema.path("properties").path("notes").path("items").path("type").asText()).isEqualTo("string");
        assertThat(anyOf.toString()).contains("\"maximum\":4").contains("\"hue-adjust\"").contains("\"auto-white-balance\"");
    }
}
