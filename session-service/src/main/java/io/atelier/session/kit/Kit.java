package io.atelier.session.kit;

import io.atelier.events.kit.KitEvent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A workspace's brand kit as its events left it: the fold of its log up to {@code version}. */
public record Kit(String workspaceId, long version, String name, Map<String, String> palette, Optional<KitEvent.LogoSet> logo,
                  Optional<KitEvent.FontSet> font, Map<String, KitEvent.InstructionSaved> instructions) {
    public Kit {
        palette = Collections.unmodifiableMap(new LinkedHashMap<>(palette));
        instructions = Collections.unmodifiableMap(new LinkedHashMap<>(instructions));
    }

    /** A workspace that never changed its kit. */
    public static Kit empty(String workspaceId) {
        return new Kit(workspaceId, 0, "Brand kit", Map.of(), Optional.empty(), Optional.empty(), Map.of());
    }

    /** The kit after one more event. */
    public Kit apply(long newVersion, KitEvent event) {
        Map<String, String> p = new LinkedHashMap<>(palette);
        Map<String, KitEvent.InstructionSaved> i = new LinkedHashMap<>(instructions);
        String n = name;
        Optional<KitEvent.LogoSet> l = logo;
        Optional<KitEvent.FontSet> f = font;
        switch (event) {
            case KitEvent.KitNamed named -> n = named.name();
            case KitEvent.PaletteColourSet set -> p.put(set.name(), set.hex());
            case KitEvent.PaletteColourRemoved removed -> p.remove(removed.name());
            case KitEvent.LogoSet set -> l = Optional.of(set);
            case KitEvent.FontSet set -> f = Optional.of(set);
            case KitEvent.InstructionSaved saved -> i.put(saved.name(), saved);
            case KitEvent.InstructionRemoved removed -> i.remove(removed.name());
        }
        return new Kit(workspaceId, newVersion, n, p, l, f, i);
    }

    /** The palette name as the kit spells it, matched without regard to case. */
    public Optional<String> paletteName(String asked) {
        return palette.keySet().stream().filter(k -> k.equalsIgnoreCase(asked.strip())).findFirst();
    }

    /** The saved instruction's name as the kit spells it, matched without regard to case. */
    public Optional<String> instructionName(String asked) {
        return instructions.keySet().stream().filter(k -> k.equalsIgnoreCase(asked.strip())).findFirst();
    }
}
