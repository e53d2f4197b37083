package io.atelier.engine.ops;

import static io.atelier.engine.Photos.COFFEE;
import static io.atelier.engine.Photos.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.engine.measure.ImageStats;
import io.atelier.engine.plan.Rgb;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** A border is painted inside the frame: exact colour in the band, size kept, the photo inside untouched. */
class BorderTest {

    @Test
    void aThreePercentCreamBorderPaintsTwelvePixelsOfTheCoffeePhotoAndNothingElse() {
        Border border = new Border(0.03, Rgb.parse("#f3ead7"));
        BufferedImage out = run(COFFEE, border);
        int band = border.pixels(600, 400);
        assertThat(band).isEqualTo(12); // 3% of the 400 px short side
        assertThat(out.getWidth()).isEqualTo(600);
        assertThat(out.getHeight()).isEqualTo(400);
        for (int[] p : new int[][] {{0, 0}, {11, 200}, {300, 11}, {588, 200}, {599, 399}, {300, 388}}) {
            assertThat(out.getRGB(p[0], p[1]) & 0xFFFFFF).as("band pixel %s,%s", p[0], p[1]).isEqualTo(0xf3ead7);
        }
        // everything inside the band, up to its edge, is the photo's own pixels
        assertThat(ImageStats.maxDeltaE(out, COFFEE, (x, y) -> x >= 12 && y >= 12 && x < 588 && y < 388)).isZero();
        assertThat(out.getRGB(12, 12)).isEqualTo(COFFEE.getRGB(12, 12));
    }

    @Test
    void aThinBorderIsAtLeastOnePixel() {
        assertThat(new Border(0.005, Rgb.parse("#000000")).pixels(100, 60)).isEqualTo(1);
    }
}
