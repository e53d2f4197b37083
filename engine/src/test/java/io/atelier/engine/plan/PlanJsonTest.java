package io.atelier.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.atelier.engine.ops.AutoLevel;
import io.atelier.engine.ops.AutoWhiteBalance;
import io.atelier.engine.ops.Blur;
import io.atelier.engine.ops.Border;
import io.atelier.engine.ops.Clarity;
import io.atelier.engine.ops.ColourOverlay;
import io.atelier.engine.ops.Contrast;
import io.atelier.engine.ops.CropToAspect;
import io.atelier.engine.ops.DirectionalLight;
import io.atelier.engine.ops.Dust;
import io.atelier.engine.ops.Exposure;
import io.atelier.engine.ops.Flip;
import io.atelier.engine.ops.Glow;
import io.atelier.engine.ops.Gradient;
import io.atelier.engine.ops.Grain;
import io.atelier.engine.ops.HueAdjust;
import io.atelier.engine.ops.LightLeak;
import io.atelier.engine.ops.Monochrome;
import io.atelier.engine.ops.Operation;
import io.atelier.engine.ops.OperationNames;
import io.atelier.engine.ops.PaletteGrade;
import io.atelier.engine.ops.Reframe;
import io.atelier.engine.ops.Rotate;
import io.atelier.engine.ops.Saturation;
import io.atelier.engine.ops.Sharpen;
import io.atelier.engine.ops.SplitTone;
import io.atelier.engine.ops.Steam;
import io.atelier.engine.ops.Text;
import io.atelier.engine.ops.TimeOfDay;
import io.atelier.engine.ops.ToneRecovery;
import io.atelier.engine.ops.Vibrance;
import io.atelier.engine.ops.Vignette;
import io.atelier.engine.ops.WhiteBalance;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every operation survives a JSON round trip, and bad plans are refused with the reason. */
class PlanJsonTest {

    @Test
    void everyOperationRoundTrips() {
        Region top = new Region.Side(Edge.TOP, 1 / 3.0);
        List<Operation> all = List.of(
                new Exposure(0.5, top),
                new WhiteBalance(20, -5, new Region.Tones(Region.Tones.Range.HIGHLIGHTS)),
                new TimeOfDay(TimeOfDay.Mood.GOLDEN_HOUR, 0.7),
                new DirectionalLight(Edge.TOP_LEFT, 0.8, Rgb.parse("#ffe0b5"), 0.8, 0.5),
                new SplitTone(Rgb.parse("#ffb070"), Rgb.parse("#4a78b0"), 0.5),
                new Contrast(25, Region.WHOLE),
                new ToneRecovery(-30, 20, new Region.Background()),
                new Vignette(-35, 0.35, true),
                new Glow(Glow.Kind.HAZE, 30, new Region.Subject()),
                new CropToAspect(16, 9, CropToAspect.Anchor.SUBJECT),
                new Reframe(16, 9, Edge.RIGHT, 0.4),
                new Rotate(-2.5, true),
                new Flip(true),
                new io.atelier.engine.ops.Resize(2048),
                new Saturation(-30, Region.WHOLE),
                new Vibrance(35, Region.WHOLE),
                new Monochrome(Region.WHOLE),
                new PaletteGrade("earthy", List.of(Rgb.parse("#7b5234"), Rgb.parse("#c8643b")), 0.45, Region.WHOLE),
                new ColourOverlay(Rgb.parse("#2f5d3a"), 0.35, top),
                new Gradient(Rgb.parse("#2f5d3a"), Rgb.parse("#f3ead7"), Edge.TOP, 0.9, new Region.Background()),
                new Text("Fresh Roast", Text.Placement.AUTO, "auto", 0.06),
                new Blur(1.2, new Region.Background()),
                new Sharpen(80, 1, Region.WHOLE),
                new Clarity(35, Region.WHOLE),
                new Grain(30, 1.6, 42),
                new Dust(50, Edge.LEFT, 43),
                new LightLeak(Rgb.parse("#ff8a3d"), Edge.TOP_RIGHT, 0.6, false),
                new Steam(0.8, 0.4, 44),
                new Border(0.03, Rgb.parse("#f3ead7")),
                new AutoLevel(0.5, false),
                new AutoWhiteBalance(AutoWhiteBalance.Estimate.GREY_WORLD, 0.8),
                new HueAdjust(HueAdjust.Family.GREENS, 30, -10, 5, new Region.Background()),
                new io.atelier.engine.ops.Synthesize("a small plant in a terracotta pot", new Region.Side(Edge.LEFT, 0.3)),
                io.atelier.engine.ops.Overlay.of(io.atelier.imaging.PngEncoder.encode(new java.awt.image.BufferedImage(4, 2,
                        java.awt.image.BufferedImage.TYPE_INT_ARGB)), io.atelier.engine.ops.Overlay.Placement.BOTTOM_RIGHT, 0.15, 0.04, 1));
        assertThat(all.stream().map(Object::getClass).distinct()).hasSize(OperationNames.all().size());
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
        JsonNode tooBright = PlanJson.toTree(EditPlan.of("x", "t", List.of(new Exposure(1, Region.WHOLE))));
        ((com.fasterxml.jackson.databind.node.ObjectNode) tooBright.at("/operations/0")).put("stops", 9);
        assertThatThrownBy(() -> PlanJson.fromTree(tooBright)).hasMessageContaining("stops must be within");
        JsonNode unknown = PlanJson.toTree(EditPlan.of("x", "t", List.of(new Flip(true))));
        ((com.fasterxml.jackson.databind.node.ObjectNode) unknown.at("/operations/0")).put("op", "teleport");
        assertThatThrownBy(() -> PlanJson.fromTree(unknown)).hasMessageContaining("teleport");
    }
}
