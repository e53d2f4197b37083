package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.plan.Region;

/**
 * New content painted by a generative engine: the prompt says what, the region where it may land
 * (the whole frame means "wherever the answer really changed"). The pixel maths around the call —
 * crop, mask, scale back, feathered composite, change detection — are in {@code engine.generative}.
 */
@JsonTypeName("synthesize")
@Doc(layer = Doc.Layer.GENERATIVE, value = "new content painted by the configured generative engine, committed only inside the region "
        + "(or only where the answer changed, for the whole frame)")
public record Synthesize(
        @Param(doc = "what to paint, in the person's words") String prompt,
        Region region) implements Operation.Generative {
    public Synthesize {
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("synthesize needs a prompt");
        }
        region = Region.orWhole(region);
    }

    @Override
    public String describe() {
        return "painted \"" + prompt + "\" with the generative engine" + region.describe();
    }
}
