package io.atelier.events.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.events.EventCodec;
import io.atelier.events.EventEnvelope;
import io.atelier.events.ImageRef;
import io.atelier.events.InstructionRequested;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every kit event survives its JSON form; a step's kit rides in InstructionRequested and is absent from steps without one. */
class KitEventCodecTest {
    private static final ImageRef LOGO = new ImageRef("acme/kit/abc.png", "abc", 120, 40, "image/png", 2048);

    @Test
    void everyKitEventRoundTrips() {
        var plan = EventCodec.mapper().createObjectNode().put("planner", "builtin");
        List<KitEvent> all = List.of(new KitEvent.KitNamed("TerraBrew"), new KitEvent.PaletteColourSet("brand green", "#2e7d32"),
                new KitEvent.PaletteColourRemoved("brand green"), new KitEvent.LogoSet(LOGO, "bottom-right", 0.15),
                new KitEvent.FontSet("Liberation Sans", "acme/kit/fonts/f.ttf", "f", 1000),
                new KitEvent.InstructionSaved("TerraBrew morning light", "add soft morning light", plan, UUID.randomUUID(), UUID.randomUUID()),
                new KitEvent.InstructionRemoved("TerraBrew morning light"));
        long version = 0;
        for (KitEvent event : all) {
            KitEventEnvelope envelope = KitEventEnvelope.of("acme", ++version, "key:abcd1234", event);
            assertThat(KitEventCodec.decode(KitEventCodec.encode(envelope))).isEqualTo(envelope);
        }
        assertThatThrownBy(() -> KitEventCodec.decode("{\"type\": \"KitBurned\", \"schemaVersion\": 1}"))
                .isInstanceOf(EventCodec.NewerVersionException.class);
    }

    @Test
    void aStepCarriesTheKitVersionItWasAskedUnder() {
        ImageRef parent = new ImageRef("acme/s/p.png", "p", 10, 10, "image/png", 100);
        KitUse kit = new KitUse(4, Map.of("brand green", "#2e7d32"), Optional.of(new KitUse.Logo(LOGO, "bottom-right", 0.15)), Map.of(),
                Optional.of(new KitUse.Font("Noto Mono", "acme/kit/f.ttf", "f".repeat(64))));
        var with = new InstructionRequested(UUID.randomUUID(), UUID.randomUUID(), "add our logo", parent, Optional.empty(), Optional.of(kit));
        EventEnvelope envelope = EventEnvelope.of("acme", UUID.randomUUID(), 3, "key:abcd1234", with);
        byte[] json = EventCodec.encode(envelope);
        assertThat(EventCodec.decode(json)).isEqualTo(envelope);
        assertThat(EventCodec.toJson(envelope).at("/data/kit/version").asLong()).isEqualTo(4);
        assertThat(EventCodec.toJson(envelope).at("/data/kit/font/family").asText()).isEqualTo("Noto Mono");
        var without = new InstructionRequested(UUID.randomUUID(), UUID.randomUUID(), "warmer", parent);
        assertThat(EventCodec.toJson(EventEnvelope.of("acme", UUID.randomUUID(), 3, "a", without)).get("data").has("kit")).isFalse();
    }
}
