package io.atelier.events.kit;

import com.fasterxml.jackson.databind.JsonNode;
import io.atelier.events.ImageRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The brand kit as a step was asked under, carried in InstructionRequested: its version (what an audit
 * shows), the palette, the logo with its defaults, the saved instructions the words may name (only
 * those whose name the instruction contains, so the event stays small) and the font for text overlays
 * (absent in events written before kits lent their font).
 */
public record KitUse(long version, Map<String, String> palette, Optional<Logo> logo, Map<String, JsonNode> saved, Optional<Font> font) {
    public KitUse {
        palette = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(palette == null ? Map.of() : palette));
        saved = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(saved == null ? Map.of() : saved));
        logo = logo == null ? Optional.empty() : logo;
        font = font == null ? Optional.empty() : font;
    }

    /** The kit's font for text overlays: its family name and the stored TrueType/OpenType file (by key and SHA-256). */
    public record Font(String family, String key, String sha256) {
        public Font {
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /** The kit's logo: the stored PNG, its default placement and width as a fraction of the frame. */
    public record Logo(ImageRef image, String placement, double size) {
        public Logo {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(placement, "placement");
        }
    }
}
