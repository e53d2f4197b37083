package io.atelier.engine.kit;

import io.atelier.engine.ops.Overlay;
import io.atelier.engine.plan.EditPlan;
import io.atelier.engine.plan.Rgb;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a brand kit lends the planner, as a value: its version (recorded with the step), the named palette,
 * the logo with its default placement and size, the saved instructions with the plans that worked, and the
 * font for text overlays.
 */
public record KitContext(long version, Map<String, Rgb> palette, Optional<Logo> logo, Map<String, EditPlan> saved, Optional<Font> font) {
    /** No kit: instructions are planned as they are. */
    public static final KitContext NONE = new KitContext(0, Map.of(), Optional.empty(), Map.of(), Optional.empty());

    /** A kit without a font. */
    public KitContext(long version, Map<String, Rgb> palette, Optional<Logo> logo, Map<String, EditPlan> saved) {
        this(version, palette, logo, saved, Optional.empty());
    }

    public KitContext {
        palette = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(palette, "palette"))); // in the kit's order
        saved = Map.copyOf(Objects.requireNonNull(saved, "saved"));
        logo = logo == null ? Optional.empty() : logo;
        font = font == null ? Optional.empty() : font;
    }

    /** The kit's font: its family name and the SHA-256 under which {@link io.atelier.engine.ops.Fonts} has loaded it. */
    public record Font(String family, String sha256) {
        public Font {
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /** The kit's logo: PNG bytes with alpha, where it goes and how wide (a fraction of the frame) unless the instruction says. */
    public record Logo(byte[] png, Overlay.Placement placement, double size) {
        public Logo {
            png = png.clone();
        }

        @Override
        public byte[] png() {
            return png.clone();
        }
    }
}
