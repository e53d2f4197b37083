package io.atelier.engine.ops;

import static io.atelier.engine.Photos.COFFEE;
import static io.atelier.engine.Photos.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.engine.image.LinearImage;
import io.atelier.engine.measure.Cielab;
import io.atelier.engine.ops.CropToAspect.Anchor;
import io.atelier.engine.plan.Edge;
import io.atelier.engine.subject.CentrePriorGrabCut;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Crops, reframes, rotations and flips: sizes, exact pixel moves, and the subject kept in frame. */
class GeometryTest {

    @ParameterizedTest
    @CsvSource({"1,1", "4,5", "16,9", "9,16", "3,2"})
    void cropGivesTheAskedRatioWithTheCupInside(int w, int h) {
        BufferedImage out = run(COFFEE, new CropToAspect(w, h, Anchor.SUBJECT));
        assertThat(out.getWidth() / (double) out.getHeight()).isCloseTo(w / (double) h, org.assertj.core.data.Offset.offset(0.01));
        // the coffee's surface (centre at 292,140 in the source) is inside the crop: find its colour near the crop's middle band
        int[] frame = CropToAspect.frame(600, 400, w, h, centroid()[0], centroid()[1]);
        assertThat(292).isBetween(frame[0], frame[0] + frame[2]);
        assertThat(140).isBetween(frame[1], frame[1] + frame[3]);
    }

    @Test
    void subjectAnchoredCropCentresTheSubject() {
        double[] c = centroid();
        int[] frame = CropToAspect.frame(600, 400, 1, 1, c[0], c[1]);
        double subjectX = c[0] * 600;
        assertThat(Math.abs(frame[0] + frame[2] / 2.0 - subjectX)).isLessThanOrEqualTo(1.0);
    }

    @Test
    void reframeLeavesRoomOnTheAskedSide() {
        for (Edge side : new Edge[] {Edge.RIGHT, Edge.LEFT}) {
            BufferedImage out = run(COFFEE, new Reframe(16, 9, side, 0.4));
            assertThat(out.getWidth() / (double) out.getHeight()).isCloseTo(16 / 9.0, org.assertj.core.data.Offset.offset(0.01));
            double cx = locate(out, 292, 160)[0] / (double) out.getWidth(); // where the cup's centre went
            if (side == Edge.RIGHT) {
                assertThat(cx).as("subject centre with room on the right").isLessThan(0.45);
            } else {
                assertThat(cx).as("subject centre with room on the left").isGreaterThan(0.55);
            }
        }
    }

    @Test
    void quarterTurnsAndFlipsMovePixelsExactly() {
        BufferedImage cw = run(COFFEE, new Rotate(90, false));
        assertThat(cw.getWidth()).isEqualTo(400);
        assertThat(cw.getHeight()).isEqualTo(600);
        // source (x, y) lands at (h − 1 − y, x) after a clockwise quarter turn
        assertThat(cw.getRGB(399 - 10, 20) & 0xFFFFFF).isEqualTo(COFFEE.getRGB(20, 10) & 0xFFFFFF);
        BufferedImage flipped = run(COFFEE, new Flip(true));
        assertThat(flipped.getRGB(599 - 33, 77) & 0xFFFFFF).isEqualTo(COFFEE.getRGB(33, 77) & 0xFFFFFF);
        BufferedImage twice = run(COFFEE, new Flip(false), new Flip(false));
        assertThat(twice.getRGB(123, 321)).isEqualTo(COFFEE.getRGB(123, 321));
    }

    @Test
    void straighteningCropsAwayTheEmptyCorners() {
        BufferedImage out = run(COFFEE, new Rotate(4, true));
        assertThat(out.getWidth()).isLessThan(600);
        assertThat(out.getWidth() / (double) out.getHeight()).isCloseTo(1.5, org.assertj.core.data.Offset.offset(0.01));
        // no corner is a replicated edge smear or black: each corner pixel matches its neighbourhood
        for (int[] p : new int[][] {{0, 0}, {out.getWidth() - 1, 0}, {0, out.getHeight() - 1}, {out.getWidth() - 1, out.getHeight() - 1}}) {
            assertThat(Cielab.fromRgb(out.getRGB(p[0], p[1]))[0]).isGreaterThan(3);
        }
    }

    @Test
    void geometricEditsMoveTransparencyWithThePixels() {
        // A logo-like picture: the coffee photo whose left third is fully transparent and whose alpha ramps across the rest.
        BufferedImage logo = new BufferedImage(600, 400, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 600; x++) {
                int a = x < 200 ? 0 : (x - 200) * 255 / 399;
                logo.setRGB(x, y, a << 24 | COFFEE.getRGB(x, y) & 0xFFFFFF);
            }
        }
        BufferedImage mirrored = run(logo, new Flip(true));
        assertThat(mirrored.getRGB(599 - 33, 77) >>> 24).as("a transparent pixel stays transparent where it moved").isZero();
        assertThat(mirrored.getRGB(599 - 500, 77)).as("colour and alpha move together").isEqualTo(logo.getRGB(500, 77));
        BufferedImage upsideDown = run(logo, new Flip(false));
        assertThat(upsideDown.getRGB(450, 399 - 12)).isEqualTo(logo.getRGB(450, 12));

        BufferedImage turned = run(logo, new Rotate(90, false));
        assertThat(turned.getRGB(399 - 10, 20) >>> 24).isZero(); // source (20, 10)
        assertThat(turned.getRGB(399 - 10, 520)).isEqualTo(logo.getRGB(520, 10));

        BufferedImage tilted = run(logo, new Rotate(10, false));
        assertThat(tilted.getRGB(0, 0) >>> 24).as("the corner a tilt opens continues the transparent edge").isZero();
        assertThat(tilted.getRGB(tilted.getWidth() * 3 / 4, tilted.getHeight() / 2) >>> 24).isGreaterThan(100);

        BufferedImage small = run(logo, new Resize(300));
        assertThat(small.getWidth()).isEqualTo(300);
        assertThat(small.getRGB(40, 100) >>> 24).as("resized: the transparent third").isZero();
        assertThat(small.getRGB(299, 100) >>> 24).as("resized: the opaque edge").isGreaterThan(245);

        BufferedImage roomy = run(logo, new Reframe(16, 9, Edge.RIGHT, 0.4));
        assertThat(roomy.getWidth()).isGreaterThan(600);
        assertThat(roomy.getRGB(50, 200) >>> 24).as("reframed: the photo's transparent third").isZero();
        assertThat(roomy.getRGB(520, 200)).as("reframed: the photo's own pixels").isEqualTo(logo.getRGB(520, 200));
    }

    /** Where the 9×9 block around (x, y) of the source lies in the output, by exact pixel match. */
    private static int[] locate(BufferedImage out, int x, int y) {
        for (int oy = 4; oy < out.getHeight() - 4; oy++) {
            for (int ox = 4; ox < out.getWidth() - 4; ox++) {
                if (sameBlock(out, ox, oy, x, y)) {
                    return new int[] {ox, oy};
                }
            }
        }
        throw new AssertionError("the cup is not in the output");
    }

    private static boolean sameBlock(BufferedImage out, int ox, int oy, int x, int y) {
        for (int dy = -4; dy <= 4; dy++) {
            for (int dx = -4; dx <= 4; dx++) {
                if ((out.getRGB(ox + dx, oy + dy) & 0xFFFFFF) != (COFFEE.getRGB(x + dx, y + dy) & 0xFFFFFF)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double[] centroid() {
        return new CentrePriorGrabCut().detect(LinearImage.from(COFFEE)).centroid();
    }
}
