package io.atelier.gallery.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where to go back to once a branch has drifted: for each step whose drift against the original warns
 * (the worker's verdict, recorded in its event), the last step on its path before the path crossed
 * the threshold for good. The root always qualifies: it is the original.
 */
final class DriftAdvice {
    private DriftAdvice() {
    }

    /** Step id → the step to return to, for every step that warns. */
    static Map<UUID, UUID> returnTo(List<GalleryViews.Step> steps) {
        Map<UUID, GalleryViews.Step> byId = new HashMap<>();
        steps.forEach(s -> byId.put(s.stepId(), s));
        Map<UUID, UUID> advice = new HashMap<>();
        for (GalleryViews.Step step : steps) {
            if (warns(step)) {
                List<GalleryViews.Step> path = path(step, byId);
                int firstOfRun = path.size() - 1;
                while (firstOfRun > 0 && warns(path.get(firstOfRun - 1))) {
                    firstOfRun--;
                }
                advice.put(step.stepId(), path.get(Math.max(0, firstOfRun - 1)).stepId());
            }
        }
        return advice;
    }

    static boolean warns(GalleryViews.Step step) {
        return Optional.ofNullable(step.drift()).map(d -> d.path("againstOriginal").path("warns")).filter(JsonNode::isBoolean)
                .map(JsonNode::booleanValue).orElse(false);
    }

    // Root first.
    private static List<GalleryViews.Step> path(GalleryViews.Step step, Map<UUID, GalleryViews.Step> byId) {
        List<GalleryViews.Step> path = new ArrayList<>();
        for (GalleryViews.Step s = step; s != null; s = s.parentStepId() == null ? null : byId.get(s.parentStepId())) {
            path.addFirst(s);
        }
        return path;
    }
}
