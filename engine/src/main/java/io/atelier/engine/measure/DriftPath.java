package io.atelier.engine.measure;

import java.util.List;
import java.util.OptionalInt;

/** Reads drift along a branch's path, root first: where to go back to once it has drifted too far. */
public final class DriftPath {
    private DriftPath() {
    }

    /**
     * The position of the step to return to, given each step's drift score against the original (root
     * first): the last step before the path crossed {@link DriftMeasures#WARN_FROM} for good. Empty
     * while the newest step is still below the threshold. The root is always a safe answer.
     */
    public static OptionalInt returnTo(List<Double> scores) {
        if (scores.isEmpty() || scores.getLast() < DriftMeasures.WARN_FROM) {
            return OptionalInt.empty();
        }
        int firstOfRun = scores.size() - 1;
        while (firstOfRun > 0 && scores.get(firstOfRun - 1) >= DriftMeasures.WARN_FROM) {
            firstOfRun--;
        }
        return OptionalInt.of(Math.max(0, firstOfRun - 1));
    }
}
