package io.atelier.gallery.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DriftAdviceTest {
    private final List<GalleryViews.Step> steps = new ArrayList<>();

    @Test
    void noAdviceWhileNothingWarns() {
        UUID root = step(null, null);
        step(root, false);
        assertThat(DriftAdvice.returnTo(steps)).isEmpty();
    }

    @Test
    void aDriftedStepIsSentToTheLastStepBeforeItsPathCrossedForGood() {
        UUID root = step(null, null);
        UUID a = step(root, true); // an excursion that came back does not count
        UUID b = step(a, false);
        UUID c = step(b, true);
        UUID d = step(c, true);
        UUID sibling = step(root, true);
        Map<UUID, UUID> advice = DriftAdvice.returnTo(steps);
        assertThat(advice).containsEntry(d, b).containsEntry(c, b).containsEntry(a, root).containsEntry(sibling, root);
        assertThat(advice).doesNotContainKey(b);
    }

    @Test
    void stepsWithoutMeasuresNeverWarn() {
        UUID root = step(null, null);
        step(root, null);
        assertThat(DriftAdvice.returnTo(steps)).isEmpty();
    }

    private UUID step(UUID parent, Boolean warns) {
        UUID id = UUID.randomUUID();
        JsonNode drift = null;
        if (warns != null) {
            var node = JsonNodeFactory.instance.objectNode();
            node.putObject("againstOriginal").put("warns", warns);
            drift = node;
        }
        steps.add(new GalleryViews.Step(id, parent, List.of(), parent == null ? null : "x", "rendered", null, null, null, null, null, null,
                "none", Instant.now(), Instant.now(), null, drift, null, null, null, null, null));
        return id;
    }
}
