package io.atelier.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Objects;
import java.util.Optional;

/**
 * Provenance of a step painted by a generative engine: the provider and model, the provider's request
 * id, the prompt as the provider rewrote it, the seed if the provider takes one, usage as the provider
 * reported it, how the committed area was found ({@code region}, {@code changes} or {@code draft}) and
 * its share of the frame, the committed mask (white = new content), and the key of the provider's raw
 * answer kept as audit evidence. No key or secret is ever part of it.
 */
public record Generated(String provider, String model, String requestId, Optional<String> revisedPrompt, Optional<Long> seed,
                        JsonNode usage, String mode, double committedFraction, ImageRef mask, String evidenceKey) {
    public Generated {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(requestId, "requestId");
        revisedPrompt = revisedPrompt == null ? Optional.empty() : revisedPrompt;
        seed = seed == null ? Optional.empty() : seed;
        usage = usage == null ? JsonNodeFactory.instance.objectNode() : usage.deepCopy();
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(evidenceKey, "evidenceKey");
    }

    @Override
    public JsonNode usage() {
        return usage.deepCopy();
    }
}
