package io.atelier.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every operation survives a JSON round trip, and bad plans are refused with the reason. */
class PlanJsonTest {

    @Test
    void everyOperationRoundTrips() {
        Region top = new Region.Side(Edge.TOP, 1 / 3.0);
        List<Operation> all = List.of(
                new Operation.Exposure(0.5, top),
                new Operation.WhiteBalance(20, -5, new Region.Tones(Region.Tones.Range.HIGHLIGHTS)),
                new Operation.TimeOfDay(Operation.TimeOfDay.Mood.GOLDEN_HOUR, 0.7),
                new Operation.DirectionalLight(Edge.TOP_LEFT, 0.8, Rgb.parse("#ffe0b5"), 0.8, 0.5),
                new Operation.SplitTone(Rgb.parse("#ffb070"), Rgb.parse("#4a78b0"), 0.5),
                new Operation.Contrast(25, Region.WHOLE),
                new Operation.ToneRecovery(-30, 20, new Region.Background()),
                new Operation.Vignette(-35, 0.35, true),
                new Operation.Glow(Operation.Glow.Kind.HAZE, 30, new Region.Subject()),
                new Operation.CropToAspect(16, 9, Operation.CropToAspect.Anchor.SUBJECT),
                new Operation.Reframe(16, 9, Edge.RIGHT, 0.4),
                new Operation.Rotate(-2.5, true),
                new Operation.Flip(true),
                new Operation.Saturation(-30, Region.WHOLE),
                new Operation.Vibrance(35, Region.WHOLE),
                new Operation.Monochrome(Region.WHOLE),
                new Operation.PaletteGrade("earthy", List.of(Rgb.parse("#7b5234"), Rgb.parse("#c8643b")), 0.45, Region.WHOLE),
                new Operation.ColourOverlay(Rgb.parse("#2f5d3a"), 0.35, top),
                new Operation.Gradient(Rgb.parse("#2f5d3a"), Rgb.parse("#f3ead7"), Edge.TOP, 0.9, new Region.Background()),
                new Operation.Text("Fresh Roast", Operation.Text.Placement.AUTO, "auto", 0.06),
                new Operation.Blur(1.2, new Region.Background()),
                new Operation.Sharpen(80, 1, Region.WHOLE),
                new Operation.Clarity(35, Region.WHOLE),
                new Operation.Grain(30, 1.6, 42),
                new Operation.Dust(50, Edge.LEFT, 43),
                new Operation.LightLeak(Rgb.parse("#ff8a3d"), Edge.TOP_RIGHT, 0.6, false),
                new Operation.Steam(0.8, 0.4, 44));
        assertThat(all.stream().map(Object::getClass).distinct()).hasSize(Operation.class.getPermittedSubclasses().length
                + Operation.Local.class.getPermittedSubclasses().length - 1);
        EditPlan plan = EditPlan.of("everything", "test", all);
        JsonNode tree = PlanJson.toTree(plan);
        assertThat(tree.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(tree.at("/operations/0/region/kind").asText()).isEqualTo("side");
        assertThat(tree.at("/operations/3/colour").asText()).isEqualTo("#ffe0b5");
        assertThat(tree.at("/whatIDid/0").asText()).isEqualTo("raised exposure by 0.50 stops on the upper third");
        assertThat(tree.get("whatIDid")).hasSize(all.size());
        assertThat(PlanJson.fromTree(tree)).isEqualTo(plan);
    }

    @Test
    void outOfRangeOrUnknownOperationsAreRefused() {
        JsonNode tooBright = PlanJson.toTree(EditPlan.of("x", "t", List.of(new Operation.Exposure(1, Region.WHOLE))));
        ((com.fasterxml.jackson.databind.node.ObjectNode) tooBright.at("/operations/0")).put("stops", 9);
        assertThatThrownBy(() -> PlanJson.fromTree(tooBright)).hasMessageContaining("stops must be within");
        JsonNode unknown = PlanJson.toTree(EditPlan.of("x", "t", List.of(new Operation.Flip(true))));
        ((com.fasterxml.jackson.databind.node.ObjectNode) unknown.at("/operations/0")).put("op", "teleport");
        assertThatThrownBy(() -> PlanJson.fromTree(unknown)).hasMessageContaining("teleport");
    }
}
