package io.atelier.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every render carries its drift against the parent and the original; a drifted branch names where to go back to. */
@ExtendWith(RunningStack.class)
class DriftMeterTest {

    @Test
    void rendersMeasureDriftAndADriftedStepNamesTheStepToReturnTo() {
        UUID session = Api.newSession("drift");
        UUID root = Api.uploadPhoto(session);
        UUID warm = Api.step(session, root, "warm it up a little");
        assertThat(Api.awaitFinished(session, warm)).isEqualTo("rendered");
        UUID mono = Api.step(session, warm, "black and white");
        UUID square = Api.step(session, root, "crop to a 1:1 square");
        assertThat(Api.awaitFinished(session, mono)).isEqualTo("rendered");
        assertThat(Api.awaitFinished(session, square)).isEqualTo("rendered");

        JsonPath tree = Api.tree(session);
        String w = "steps.find { it.stepId == '" + warm + "' }";
        assertThat(tree.getDouble(w + ".drift.againstOriginal.temperatureShiftKelvin")).isNegative();
        assertThat(tree.getBoolean(w + ".drift.againstOriginal.warns")).isFalse();
        // the parent is the original, so both measures agree
        assertThat(tree.getDouble(w + ".drift.againstParent.score")).isEqualTo(tree.getDouble(w + ".drift.againstOriginal.score"));
        assertThat(tree.getString(w + ".driftReturnTo")).isNull();

        String m = "steps.find { it.stepId == '" + mono + "' }";
        assertThat(tree.getDouble(m + ".drift.againstOriginal.score")).isEqualTo(100.0);
        assertThat(tree.getBoolean(m + ".drift.againstOriginal.warns")).isTrue();
        assertThat(tree.getDouble(m + ".drift.againstOriginal.histogramDistance")).isGreaterThan(0.9);
        assertThat(tree.getList(m + ".drift.againstOriginal.dominantColours")).isNotEmpty();
        assertThat(tree.getString(m + ".driftReturnTo")).isEqualTo(warm.toString());

        String s = "steps.find { it.stepId == '" + square + "' }";
        assertThat(tree.getBoolean(s + ".drift.againstOriginal.reframed")).isTrue();
        // the square is found inside the original, so a crop is almost no drift
        assertThat(tree.getBoolean(s + ".drift.againstOriginal.aligned")).isTrue();
        assertThat(tree.getDouble(s + ".drift.againstOriginal.score")).isLessThan(10.0);
        // the original has nothing to drift from
        assertThat(tree.getString("steps.find { it.stepId == '" + root + "' }.drift")).isNull();
    }

    @Test
    void aChainReadsItsOriginalOnceForEveryStepsDriftAgainstIt() {
        UUID session = Api.newSession("drift chain");
        // a photo no other test uploads: the worker keeps originals by content, so coffee.png may already be there
        UUID step = UUID.fromString(Api.upload(session, "coffee-drift.png", Api.coffeeWithOnePixelChanged(0x010200))
                .then().statusCode(201).extract().path("stepId"));
        double before = Api.workerMetric("atelier_drift_originals_decoded_total");
        for (String instruction : List.of("warm it up a little", "more contrast", "black and white", "mirror it")) {
            step = Api.step(session, step, instruction);
            assertThat(Api.awaitFinished(session, step)).isEqualTo("rendered");
        }
        // three steps measured against an original that is not their parent, from one read of it
        assertThat(Api.workerMetric("atelier_drift_originals_decoded_total") - before).isEqualTo(1.0);
        JsonPath tree = Api.tree(session);
        assertThat(tree.getDouble("steps.find { it.stepId == '" + step + "' }.drift.againstOriginal.histogramDistance")).isGreaterThan(0.9);
    }
}
