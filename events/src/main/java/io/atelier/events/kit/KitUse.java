package io.atelier.events.kit;

import com.fasterxml.jackson.databind.JsonNode;
import io.atelier.events.ImageRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The brand kit as a step was asked under, carried in InstructionRequested: its version (what an audit
 * shows), the palette, the logo with its defaults, and the saved instructions the words may name (only
 * those whose name the instruction contains, so the event stays small).
 */
public record KitUse(long version, Map<String, String> palette, Optional<Logo> logo, Map<String, JsonNode> saved) {
    public KitUse {
        palette = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(palette == null ? Map.of() : palette));
        saved = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(saved == null ? Map.of() : saved));
        logo = logo == null ? Optional.empty() : logo;
    }

    /** The kit's logo: the stored PNG, its default placement and width as a fraction of the frame. */
    public record Logo(ImageRef image, String placement, double size) {
        public Logo {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(placement, "placement");
        }
    }
}
