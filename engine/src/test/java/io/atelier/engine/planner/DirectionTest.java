package io.atelier.engine.planner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every signed edit goes the way the words say: more or less, warmer or cooler, said outright, as a problem, or as a number. */
class DirectionTest {
    private final BuiltinPlanner planner = BuiltinPlanner.standard();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            brighter                                     | exposure+
            a touch brighter please                      | exposure+
            it's too dark                                | exposure+
            looks underexposed                           | exposure+
            open it up by half a stop                    | exposure+
            +1 EV                                        | exposure+
            30% brighter                                 | exposure+
            darker                                       | exposure-
            it's a bit too bright                        | exposure-
            bring the exposure down                      | exposure-
            reduce the brightness                        | exposure-
            not so bright                                | exposure-
            stop it down by a third of a stop            | exposure-
            exposure -0.7                                | exposure-
            more contrast                                | contrast+
            punchier                                     | contrast+
            it looks flat                                | contrast+
            contrast +25                                 | contrast+
            less contrast                                | contrast-
            softer, faded contrast                       | contrast-
            flatten the contrast                         | contrast-
            it's too contrasty                           | contrast-
            contrast -30                                 | contrast-
            warmer                                       | temperature+
            warm it up                                   | temperature+
            it feels cold                                | temperature+
            too blue                                     | temperature+
            bump the temperature                         | temperature+
            cooler                                       | temperature-
            cool it down                                 | temperature-
            it's too yellow                              | temperature-
            take the warmth out                          | temperature-
            less warm                                    | temperature-
            less green                                   | tint+
            too magenta                                  | tint-
            more saturated                               | saturation+
            the colours look dull                        | saturation+
            boost the colours                            | saturation+
            tone the colours down                        | saturation-
            desaturate it                                | saturation-
            muted colours                                | saturation-
            saturation -40                               | saturation-
            more vibrance                                | saturation+
            less vibrance                                | saturation-
            more clarity                                 | clarity+
            bring out the texture                        | clarity+
            less clarity                                 | clarity-
            smoother, less texture                       | clarity-
            lift the shadows                             | shadows+
            the shadows are too dark                     | shadows+
            deepen the shadows                           | shadows-
            crush the blacks                             | shadows-
            recover the highlights                       | highlights-
            the highlights are blown out                 | highlights-
            pull the highlights down                     | highlights-
            brighten the highlights                      | highlights+
            add a vignette                               | vignette-
            darken the corners                           | vignette-
            lighten the corners                          | vignette+
            rotate 5 degrees clockwise                   | rotate+
            rotate 5 degrees anticlockwise               | rotate-
            """)
    void directionMatchesTheWords(String instruction, String expected) {
        PlanOutcome outcome = planner.plan(instruction);
        assertThat(PlanTokens.of(outcome)).as("%s -> %s", instruction, outcome.plan().whatIDid()).containsExactly(expected);
    }
}
