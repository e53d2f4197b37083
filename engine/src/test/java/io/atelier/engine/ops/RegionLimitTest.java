package io.atelier.engine.ops;

import static io.atelier.engine.Photos.COFFEE;
import static io.atelier.engine.Photos.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.engine.image.LinearImage;
import io.atelier.engine.measure.ImageStats;
import io.atelier.engine.plan.Edge;
import io.atelier.engine.plan.Region;
import io.atelier.engine.plan.Rgb;
import io.atelier.engine.region.RegionMasks;
import io.atelier.engine.subject.CentrePriorGrabCut;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Only what was asked": every region-limited operation, on every kind of region, leaves the pixels
 * outside the region and its feathered border within ΔE76 &lt; 1 of the source — and does change the region.
 */
class RegionLimitTest {

    static Stream<Arguments> limitedEdits() {
        List<Region> regions = List.of(new Region.Side(Edge.TOP, 1 / 3.0), new Region.Side(Edge.LEFT, 0.5),
                new Region.Side(Edge.BOTTOM, 0.25), new Region.Background(), new Region.Subject(),
                new Region.Tones(Region.Tones.Range.HIGHLIGHTS), new Region.Tones(Region.Tones.Range.SHADOWS));
        List<Function<Region, Operation>> edits = List.of(
                r -> new Exposure(1, r),
                r -> new WhiteBalance(60, 10, r),
                r -> new Contrast(60, r),
                r -> new Saturation(80, r),
                r -> new Monochrome(r),
                r -> new ColourOverlay(Rgb.parse("#2f5d3a"), 0.6, r),
                r -> new Blur(2, r),
                r -> new Sharpen(150, 1.5, r),
                r -> new Glow(Glow.Kind.HAZE, 70, r));
        return regions.stream().flatMap(r -> edits.stream().map(e -> Arguments.of(e.apply(r))));
    }

    @ParameterizedTest
    @MethodSource("limitedEdits")
    void pixelsOutsideTheRegionStayWithinDeltaEOne(Operation.Local edit) {
        LinearImage source = LinearImage.from(COFFEE);
        float[] mask = RegionMasks.mask(edit.region(), source, () -> new CentrePriorGrabCut().detect(source)).orElseThrow();
        int w = COFFEE.getWidth();
        long outside = 0;
        for (float m : mask) {
            outside += m == 0f ? 1 : 0;
        }
        assertThat(outside).as("pixels outside %s", edit.region()).isGreaterThan(5_000);
        BufferedImage out = run(COFFEE, edit);
        assertThat(ImageStats.maxDeltaE(out, COFFEE, (x, y) -> mask[y * w + x] == 0f)).as(edit.describe()).isLessThan(1);
        assertThat(ImageStats.maxDeltaE(out, COFFEE, (x, y) -> mask[y * w + x] == 1f)).as(edit.describe()).isGreaterThan(1);
    }

    static Stream<Arguments> sideEdits() {
        return limitedEdits().filter(a -> ((Operation.Local) a.get()[0]).region() instanceof Region.Side);
    }

    @ParameterizedTest
    @MethodSource("sideEdits")
    void aSideBandIsExactlyTheBandPlusItsFeather(Operation.Local edit) {
        Region.Side side = (Region.Side) edit.region();
        int w = COFFEE.getWidth();
        int h = COFFEE.getHeight();
        double limit = side.extent() + RegionMasks.FEATHER;
        BufferedImage out = run(COFFEE, edit);
        assertThat(ImageStats.maxDeltaE(out, COFFEE, (x, y) -> side.edge().depth((x + 0.5) / w, (y + 0.5) / h) >= limit))
                .as(edit.describe()).isLessThan(1);
    }
}
