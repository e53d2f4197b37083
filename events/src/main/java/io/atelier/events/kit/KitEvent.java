package io.atelier.events.kit;

import com.fasterxml.jackson.databind.JsonNode;
import io.atelier.events.ImageRef;
import java.util.Objects;
import java.util.UUID;

/**
 * What happened to a workspace's brand kit: the closed set of changes its log records. Each one raises
 * the kit's version by one, so a render that names a kit version names exactly these changes up to it.
 */
public sealed interface KitEvent {

    /** The event's name on the wire. */
    default String typeName() {
        return getClass().getSimpleName();
    }

    /** The kit got a name ("TerraBrew"). */
    record KitNamed(String name) implements KitEvent {
        public KitNamed {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A named palette colour was set (added, or its value changed): "brand green" = "#2e7d32". */
    record PaletteColourSet(String name, String hex) implements KitEvent {
        public PaletteColourSet {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(hex, "hex");
        }
    }

    /** A named palette colour was taken out. */
    record PaletteColourRemoved(String name) implements KitEvent {
        public PaletteColourRemoved {
            Objects.requireNonNull(name, "name");
        }
    }

    /** The logo (a PNG with alpha, stored in S3) with where it goes by default and how wide, as a fraction of the frame. */
    record LogoSet(ImageRef image, String placement, double size) implements KitEvent {
        public LogoSet {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(placement, "placement");
        }
    }

    /** A font for text overlays: a TrueType or OpenType file stored in S3, with the family name it declares. */
    record FontSet(String family, String key, String sha256, long bytes) implements KitEvent {
        public FontSet {
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /** An instruction that worked, saved under a name with the plan it rendered with and the step it came from. */
    record InstructionSaved(String name, String instruction, JsonNode plan, UUID sessionId, UUID stepId) implements KitEvent {
        public InstructionSaved {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(instruction, "instruction");
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(stepId, "stepId");
            plan = plan.deepCopy();
        }

        @Override
        public JsonNode plan() {
            return plan.deepCopy();
        }
    }

    /** A saved instruction was taken out. */
    record InstructionRemoved(String name) implements KitEvent {
        public InstructionRemoved {
            Objects.requireNonNull(name, "name");
        }
    }
}
