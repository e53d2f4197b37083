package io.atelier.engine.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Directions never flip: across paraphrases, with or without a clause that describes the problem ("it's dark
 * and cold"), the plan goes the asked way and never also the opposite way. A description of the problem is the
 * state to move away from; an explicit ask ("make it more Y") wins.
 */
class DirectionsNeverFlipTest {
    private final BuiltinPlanner planner = BuiltinPlanner.standard();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            it's dark and cold, make it more light and warm              | exposure+    | temperature+
            it's dark and cold, make it more light and warm              | temperature+ | exposure+
            it's dark and gloomy, make it brighter                       | exposure+    |
            too cold and too dark, warm it up                            | temperature+ |
            it feels cold and blue, warmer please                        | temperature+ |
            it's cold, make it warmer                                    | temperature+ |
            make it warmer, it's cold                                    | temperature+ |
            it looks too warm and yellow, cool it down                   | temperature- |
            it's too orange, make it cooler                              | temperature- |
            the colours look cold and dull, warm them up                 | temperature+ |
            warmer                                                       | temperature+ |
            a little cooler                                              | temperature- |
            it's too bright, darker please                               | exposure-    |
            it's bright and washed out, bring the exposure down          | exposure-    |
            looks dark and murky, brighten it                            | exposure+    |
            it's dim and flat, make it brighter                          | exposure+    |
            brighter                                                     | exposure+    |
            a bit darker                                                 | exposure-    |
            it looks flat and dull, add contrast                         | contrast+    |
            it's too harsh, less contrast                                | contrast-    |
            it's too contrasty, soften it                                | contrast-    |
            flat, give it more contrast                                  | contrast+    |
            more contrast                                                | contrast+    |
            lower the contrast                                           | contrast-    |
            the colours are dull, more saturation                        | saturation+  |
            it's garish and loud, tone the colours down                  | saturation-  |
            the colours are too strong, less saturation                  | saturation-  |
            it's too cold, warm it up and make the colours less flat     | saturation+  | temperature+
            more saturated                                               | saturation+  |
            desaturate it a little                                       | saturation-  |
            """)
    void theAskedDirectionWinsAndTheOppositeNeverAppears(String instruction, String expected, String alsoExpected) {
        PlanOutcome outcome = planner.plan(instruction);
        Set<String> tokens = PlanTokens.of(outcome);
        String why = instruction + " -> " + outcome.plan().whatIDid() + " " + outcome.notes();
        assertThat(tokens).as(why).contains(expected);
        assertThat(tokens).as(why).doesNotContain(opposite(expected));
        if (alsoExpected != null) {
            assertThat(tokens).as(why).contains(alsoExpected).doesNotContain(opposite(alsoExpected));
        }
    }

    private static String opposite(String token) {
        return token.substring(0, token.length() - 1) + (token.endsWith("+") ? "-" : "+");
    }
}
