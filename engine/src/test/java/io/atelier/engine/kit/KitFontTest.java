package io.atelier.engine.kit;

import static io.atelier.engine.Photos.COFFEE;
import static io.atelier.engine.Photos.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.atelier.engine.measure.Cielab;
import io.atelier.engine.ops.Fonts;
import io.atelier.engine.ops.Text;
import io.atelier.engine.plan.EditPlan;
import io.atelier.engine.plan.PlanJson;
import io.atelier.engine.planner.BuiltinPlanner;
import io.atelier.engine.planner.PlanOutcome;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A brand kit's uploaded font sets the text overlays: planned in by the kit, named in the plan, and visibly another face. */
class KitFontTest {
    private static final String TITLE = "Fresh Roast";

    @Test
    void textPlannedUnderAKitWithAFontIsSetInThatFont() throws IOException {
        String digest = Fonts.load(notoMono());
        KitContext kit = new KitContext(9, Map.of(), Optional.empty(), Map.of(), Optional.of(new KitContext.Font("Noto Mono", digest)));
        PlanOutcome outcome = new KitPlanner(BuiltinPlanner.standard(), kit).plan("add the title \"" + TITLE + "\" at the top");
        assertThat(outcome.plan().operations()).singleElement().isInstanceOfSatisfying(Text.class, t -> {
            assertThat(t.font()).isEqualTo("Noto Mono");
            assertThat(t.fontSha256()).isEqualTo(digest);
        });
        // the plan names the font by family and digest (a font file is far too big to ride in a plan)
        JsonNode json = PlanJson.toTree(outcome.plan());
        assertThat(json.at("/operations/0/font").asText()).isEqualTo("Noto Mono");
        assertThat(json.at("/operations/0/fontSha256").asText()).isEqualTo(digest);
        assertThat(PlanJson.fromTree(json)).isEqualTo(outcome.plan());
    }

    @Test
    void theKitFontIsMeasurablyAnotherFaceThanTheBundledOne() throws IOException {
        String digest = Fonts.load(notoMono());
        Text bundled = new Text(TITLE, Text.Placement.TOP, "#ffffff", 0.08);
        BufferedImage sans = run(COFFEE, bundled);
        BufferedImage mono = run(COFFEE, bundled.withFont("Noto Mono", digest));
        int[] sansInk = inkColumns(sans);
        int[] monoInk = inkColumns(mono);
        // a monospaced face gives the narrow letters (i, l, t, r) a full cell: at one cap height the line is wider
        double sansWidth = sansInk[1] - sansInk[0];
        double monoWidth = monoInk[1] - monoInk[0];
        assertThat(monoWidth / sansWidth).as("ink width in Noto Mono / Liberation Sans").isGreaterThan(1.1);
        assertThat(differing(sans, mono)).as("pixels that differ between the two faces").isGreaterThan(1000);
        // and the same face twice gives the same bytes
        assertThat(differing(mono, run(COFFEE, bundled.withFont("Noto Mono", digest)))).isZero();
    }

    @Test
    void aPlanWithoutAKitFontKeepsItsJsonAndAnUnloadedFontFailsSayingWhy() {
        JsonNode json = PlanJson.toTree(EditPlan.of("title", "rules", List.of(new Text(TITLE, Text.Placement.TOP, "auto", 0.08))));
        assertThat(json.at("/operations/0").has("font")).as("plans written before kit fonts keep their bytes").isFalse();
        assertThat(json.at("/operations/0").has("fontSha256")).isFalse();

        Text missing = new Text(TITLE, Text.Placement.TOP, "auto", 0.08).withFont("Gone Grotesk", "0".repeat(64));
        assertThatThrownBy(() -> run(COFFEE, missing)).hasMessageContaining("Gone Grotesk").hasMessageContaining("not loaded");
        assertThatThrownBy(() -> Fonts.load("not a font".getBytes())).isInstanceOf(IllegalArgumentException.class);
    }

    // first and last column with white ink in the top band
    private static int[] inkColumns(BufferedImage image) {
        int first = Integer.MAX_VALUE;
        int last = -1;
        for (int y = 0; y < image.getHeight() / 3; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (Cielab.fromRgb(image.getRGB(x, y))[0] > 97 && Cielab.fromRgb(COFFEE.getRGB(x, y))[0] < 90) {
                    first = Math.min(first, x);
                    last = Math.max(last, x);
                }
            }
        }
        assertThat(last).as("white ink found").isGreaterThan(first);
        return new int[] {first, last};
    }

    private static long differing(BufferedImage a, BufferedImage b) {
        long n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                n += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        return n;
    }

    private static byte[] notoMono() throws IOException {
        try (InputStream in = KitFontTest.class.getResourceAsStream("/fonts/NotoMono-Regular.ttf")) {
            return in.readAllBytes();
        }
    }
}
