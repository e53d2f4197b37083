package io.atelier.engine.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.engine.image.LinearImage;
import io.atelier.engine.ops.Gradient;
import io.atelier.engine.ops.Operation;
import io.atelier.engine.ops.Overlay;
import io.atelier.engine.ops.PaletteGrade;
import io.atelier.engine.plan.EditPlan;
import io.atelier.engine.plan.PlanJson;
import io.atelier.engine.plan.Region;
import io.atelier.engine.plan.Rgb;
import io.atelier.engine.planner.BuiltinPlanner;
import io.atelier.engine.planner.PlanOutcome;
import io.atelier.imaging.PngEncoder;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Kit references become plans: palette names, the whole palette, the logo, and saved instructions replayed exactly. */
class KitPlannerTest {
    private static final Rgb BRAND_GREEN = Rgb.parse("#2E7D32");
    private static final Rgb CREAM = Rgb.parse("#F3EAD7");
    private final BuiltinPlanner builtin = BuiltinPlanner.standard();

    private KitContext kit(Map<String, EditPlan> saved) {
        Map<String, Rgb> palette = new LinkedHashMap<>();
        palette.put("brand green", BRAND_GREEN);
        palette.put("oat cream", CREAM);
        return new KitContext(7, palette, Optional.of(new KitContext.Logo(logoPng(), Overlay.Placement.TOP_LEFT, 0.2)), saved);
    }

    @Test
    void aNamedPaletteColourIsResolvedIntoThePlan() {
        PlanOutcome outcome = new KitPlanner(builtin, kit(Map.of())).plan("a brand green gradient on the upper third");
        assertThat(outcome.fullyUnderstood()).as("%s", outcome).isTrue();
        assertThat(outcome.plan().operations()).singleElement().isInstanceOfSatisfying(Gradient.class, g -> {
            assertThat(g.from()).isEqualTo(BRAND_GREEN);
            assertThat(g.region()).isInstanceOf(Region.Side.class);
        });
        assertThat(outcome.plan().instruction()).isEqualTo("a brand green gradient on the upper third");
    }

    @Test
    void ourBrandColoursAreTheWholePalette() {
        PlanOutcome outcome = new KitPlanner(builtin, kit(Map.of())).plan("use our brand colours");
        assertThat(outcome.fullyUnderstood()).as("%s", outcome).isTrue();
        assertThat(outcome.plan().operations()).singleElement().isInstanceOfSatisfying(PaletteGrade.class,
                p -> assertThat(p.palette()).containsExactly(BRAND_GREEN, CREAM));
    }

    @Test
    void withoutAKitBrandColoursAreStillAskedFor() {
        PlanOutcome outcome = new KitPlanner(builtin, KitContext.NONE).plan("use our brand colours");
        assertThat(outcome.fullyUnderstood()).isFalse();
    }

    @Test
    void ourLogoBecomesAnOverlayWhereTheInstructionSays() {
        PlanOutcome outcome = new KitPlanner(builtin, kit(Map.of())).plan("add our logo bottom right");
        assertThat(outcome.fullyUnderstood()).as("%s", outcome).isTrue();
        assertThat(outcome.plan().operations()).singleElement().isInstanceOfSatisfying(Overlay.class, o -> {
            assertThat(o.placement()).isEqualTo(Overlay.Placement.BOTTOM_RIGHT);
            assertThat(o.size()).isEqualTo(0.2);
        });
        // with another change in the same instruction, the logo goes on last
        PlanOutcome both = new KitPlanner(builtin, kit(Map.of())).plan("make it 10% brighter and add our logo");
        assertThat(both.fullyUnderstood()).as("%s", both).isTrue();
        assertThat(both.plan().operations()).hasSize(2).last().isInstanceOfSatisfying(Overlay.class,
                o -> assertThat(o.placement()).isEqualTo(Overlay.Placement.TOP_LEFT));
        assertThat(new KitPlanner(builtin, KitContext.NONE).plan("add our logo bottom right").missing()).isNotEmpty();
    }

    @Test
    void aSavedInstructionReproducesTheSamePlan() {
        PlanOutcome first = builtin.plan("add soft warm light from the left");
        assertThat(first.fullyUnderstood()).as("%s", first).isTrue();
        EditPlan worked = first.plan();
        KitPlanner planner = new KitPlanner(builtin, kit(Map.of("TerraBrew morning light", worked)));
        for (String asked : new String[] {"apply TerraBrew morning light", "TerraBrew morning light", "use our terrabrew morning light look"}) {
            PlanOutcome outcome = planner.plan(asked);
            assertThat(outcome.fullyUnderstood()).as(asked).isTrue();
            assertThat(outcome.plan().operations()).as(asked).isEqualTo(worked.operations());
            assertThat(PlanJson.toTree(outcome.plan()).get("operations")).isEqualTo(PlanJson.toTree(worked).get("operations"));
            assertThat(outcome.plan().planner()).isEqualTo(KitPlanner.SAVED);
        }
        // other words are planned as usual
        assertThat(planner.plan("apply TerraBrew evening light").plan().planner()).isNotEqualTo(KitPlanner.SAVED);
    }

    @Test
    void theOverlayCoversItsCornerAndLeavesTheRestAlone() {
        LinearImage grey = LinearImage.from(solid(200, 100, 0xff808080));
        Operation op = Overlay.of(logoPng(), Overlay.Placement.BOTTOM_RIGHT, 0.2, 0.0, 1.0);
        BufferedImage out = ((Operation.Global) op).apply(grey, () -> {
            throw new AssertionError("the overlay needs no subject");
        }).toBufferedImage();
        assertThat(out.getRGB(195, 95) & 0xffffff).as("the logo's opaque red in the corner").isEqualTo(0xd01010);
        assertThat(out.getRGB(10, 10) & 0xffffff).as("far from the logo").isEqualTo(0x808080);
        assertThat(out.getRGB(165, 65) & 0xffffff).as("under the logo's transparent half").isEqualTo(0x808080);
        // and a plan holding it reads back as the same operation
        assertThat(PlanJson.fromTree(PlanJson.toTree(EditPlan.of("logo", "test", java.util.List.of(op)))).operations()).containsExactly(op);
    }

    // 40×40: the top half transparent, the bottom half opaque red
    private static byte[] logoPng() {
        BufferedImage logo = new BufferedImage(40, 40, BufferedImage.TYPE_INT_ARGB);
        for (int y = 20; y < 40; y++) {
            for (int x = 0; x < 40; x++) {
                logo.setRGB(x, y, 0xffd01010);
            }
        }
        return PngEncoder.encode(logo);
    }

    private static BufferedImage solid(int w, int h, int argb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, argb);
            }
        }
        return img;
    }
}
