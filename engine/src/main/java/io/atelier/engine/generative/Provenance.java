package io.atelier.engine.generative;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a generated image came from, as the provider reported it: provider and model, the provider's
 * request id, the prompt as the provider rewrote it, the seed if it takes one, and usage figures
 * (tokens, megapixels, credits) under the provider's own names.
 */
public record Provenance(String provider, String model, String requestId, Optional<String> revisedPrompt, OptionalLong seed,
                         Map<String, Number> usage) {
    public Provenance {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(revisedPrompt, "revisedPrompt");
        Objects.requireNonNull(seed, "seed");
        usage = Map.copyOf(usage);
    }
}
