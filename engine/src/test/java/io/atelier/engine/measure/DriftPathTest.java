package io.atelier.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DriftPathTest {
    private static final double W = DriftMeasures.WARN_FROM;

    @Test
    void noAdviceWhileTheNewestStepIsBelowTheThreshold() {
        assertThat(DriftPath.returnTo(List.of(0.0, 10.0, W + 5, 20.0))).isEmpty();
        assertThat(DriftPath.returnTo(List.of())).isEmpty();
    }

    @Test
    void namesTheLastStepBeforeThePathCrossedForGood() {
        assertThat(DriftPath.returnTo(List.of(0.0, 10.0, 20.0, W, W + 10))).hasValue(2);
        // an earlier excursion that came back does not count
        assertThat(DriftPath.returnTo(List.of(0.0, W + 1, 12.0, W + 3, W + 5))).hasValue(2);
    }

    @Test
    void theOriginalWhenEveryStepHasDrifted() {
        assertThat(DriftPath.returnTo(List.of(0.0, W + 30, W + 40))).hasValue(0);
        assertThat(DriftPath.returnTo(List.of(W + 20))).hasValue(0);
    }
}
