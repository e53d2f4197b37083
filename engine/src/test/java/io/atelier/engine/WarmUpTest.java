package io.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.engine.planner.PlanOutcome;
import io.atelier.engine.planner.Planner;
import io.atelier.imaging.ImageLimits;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A warm-up renders every instruction it names, and asks nothing of the engine's own planner or subject detector. */
class WarmUpTest {

    @Test
    void everyInstructionIsPlannedAndRenderedWithoutTheConfiguredPlannerOrADetector() {
        AtomicInteger planned = new AtomicInteger();
        AtomicInteger detected = new AtomicInteger();
        // stands for a language-model planner: a warm-up must not call it (a paid request at every start)
        Planner configured = new Planner() {
            @Override
            public PlanOutcome plan(String instruction) {
                planned.incrementAndGet();
                throw new IllegalStateException("the configured planner was asked to plan '" + instruction + "'");
            }

            @Override
            public String capabilities() {
                return "none";
            }
        };
        Engine engine = new Engine(configured, ImageLimits.DEFAULT, image -> {
            detected.incrementAndGet();
            throw new IllegalStateException("a warm-up detected a subject");
        });

        WarmUp.Report report = WarmUp.run(engine, 2);

        assertThat(report.failed()).isEmpty();
        assertThat(report.rendered()).containsExactlyElementsOf(WarmUp.INSTRUCTIONS);
        assertThat(planned).hasValue(0);
        assertThat(detected).hasValue(0);
        assertThat(report.took()).isPositive();

        // a detector given to it is asked once, on the warm-up's picture
        java.util.List<String> seen = new java.util.ArrayList<>();
        WarmUp.Report withSubject = WarmUp.run(engine, 1, java.util.Optional.of(image -> {
            seen.add(image.width() + "x" + image.height());
            return new io.atelier.engine.subject.CentrePriorGrabCut().detect(image);
        }));
        assertThat(seen).containsExactly("480x320");
        assertThat(withSubject.rendered()).endsWith(WarmUp.SUBJECT);
        assertThat(detected).hasValue(0);
    }

    @Test
    void anInstructionThatCannotBeRenderedIsReportedNotThrown() {
        // limits that refuse the warm-up's own picture: every render fails with a reason, and the warm-up says so
        Engine engine = new Engine(io.atelier.engine.planner.BuiltinPlanner.standard(), new ImageLimits(100, 10_000), image -> {
            throw new IllegalStateException("no subject expected");
        });

        WarmUp.Report report = WarmUp.run(engine, 1);

        assertThat(report.rendered()).isEmpty();
        assertThat(report.failed()).hasSize(WarmUp.INSTRUCTIONS.size()).allSatisfy(line -> assertThat(line).contains(": "));
    }
}
