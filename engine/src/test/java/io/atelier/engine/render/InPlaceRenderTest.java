package io.atelier.engine.render;

import static io.atelier.engine.Photos.COFFEE;
import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.engine.image.LinearImage;
import io.atelier.engine.kernels.RecursiveGaussian;
import io.atelier.engine.ops.Blur;
import io.atelier.engine.ops.Clarity;
import io.atelier.engine.ops.ColourOverlay;
import io.atelier.engine.ops.Contrast;
import io.atelier.engine.ops.Gradient;
import io.atelier.engine.ops.HueAdjust;
import io.atelier.engine.ops.Monochrome;
import io.atelier.engine.ops.PaletteGrade;
import io.atelier.engine.ops.Saturation;
import io.atelier.engine.ops.ToneRecovery;
import io.atelier.engine.ops.Vibrance;
import io.atelier.engine.ops.Exposure;
import io.atelier.engine.ops.Flip;
import io.atelier.engine.ops.Glow;
import io.atelier.engine.ops.Operation;
import io.atelier.engine.ops.Resize;
import io.atelier.engine.ops.Sharpen;
import io.atelier.engine.ops.Vignette;
import io.atelier.engine.ops.WhiteBalance;
import io.atelier.engine.plan.EditPlan;
import io.atelier.engine.plan.Edge;
import io.atelier.engine.plan.Region;
import io.atelier.engine.plan.Rgb;
import io.atelier.engine.subject.CentrePriorGrabCut;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A consumed frame renders the same pixels as a copied one, and a frame the renderer was only lent is never
 * written: the in-place paths are an optimisation, never a change of result or of who owns what.
 */
class InPlaceRenderTest {
    private static final Renderer RENDERER = new Renderer(new CentrePriorGrabCut());

    private static EditPlan plan(Operation... operations) {
        return EditPlan.of("test", "test", List.of(operations));
    }

    private static List<EditPlan> plans() {
        return List.of(
                plan(new WhiteBalance(30, 0, Region.WHOLE)),
                plan(new Blur(1.2, Region.WHOLE)), // σ ≥ 3 px: the recursive filter, in place
                plan(new Blur(0.3, Region.WHOLE)), // σ < 3 px: the convolution through a temporary plane
                plan(new Blur(1, new Region.Background())), // normalised by the matte, blended back a plane at a time
                plan(new Blur(0.3, new Region.Subject())), // the same below σ 3 px, through the convolution
                plan(new Blur(0.8, new Region.Side(Edge.LEFT, 0.5))), // a blur through a mask it does not average within
                // the other edits that blend back without a whole copy, over the whole frame and through a mask
                plan(new Sharpen(80, 1.0, new Region.Subject()), new Clarity(40, new Region.Background()), new Sharpen(50, 1.5, Region.WHOLE),
                        new Clarity(-30, Region.WHOLE)),
                plan(new Glow(Glow.Kind.GLOW, 60, new Region.Subject()), new Glow(Glow.Kind.HAZE, 50, new Region.Background()),
                        new Glow(Glow.Kind.GLOW, 40, Region.WHOLE), new Glow(Glow.Kind.HAZE, 30, Region.WHOLE)),
                plan(new WhiteBalance(25, -10, new Region.Background()), new Monochrome(new Region.Subject())),
                plan(new WhiteBalance(-40, 20, new Region.Subject())),
                plan(new Exposure(0.5, new Region.Sky())),
                plan(new WhiteBalance(30, 0, Region.WHOLE), new Flip(true), new Blur(2, Region.WHOLE), new Vignette(-30, 0.3, true),
                        new Resize(300)),
                // every per-pixel edit, over the whole frame and through a soft mask (the subject's, the sky's, the background's)
                plan(new Exposure(-0.7, Region.WHOLE), new Contrast(35, new Region.Subject()), new ToneRecovery(-40, 30, Region.WHOLE)),
                plan(new Flip(false), new Flip(true), new Exposure(0.2, new Region.Subject())), // mirrors in place, the matte moved with them
                plan(new Saturation(-60, new Region.Background()), new Vibrance(45, Region.WHOLE), new Monochrome(new Region.Sky())),
                plan(new PaletteGrade("test", List.of(Rgb.parse("#c8553d"), Rgb.parse("#2f6690")), 0.6, Region.WHOLE),
                        new ColourOverlay(Rgb.parse("#ffcc00"), 0.3, new Region.Subject())),
                plan(new Gradient(Rgb.parse("#000000"), Rgb.parse("#ff8800"), Edge.TOP, 0.5, new Region.Sky()),
                        new HueAdjust(HueAdjust.Family.ORANGES, 40, -20, 10, Region.WHOLE), new Monochrome(Region.WHOLE)));
    }

    @Test
    void consumingTheInputRendersTheSamePixelsAsCopying() {
        for (LinearImage source : List.of(LinearImage.from(COFFEE), noise(173, 91, true))) {
            for (EditPlan plan : plans()) {
                LinearImage copied = RENDERER.run(plan, source).image();
                LinearImage consumed = RENDERER.runConsuming(plan, copyOf(source), Optional::empty).image();
                assertSamePixels(consumed, copied, plan.operations().toString());
            }
        }
    }

    @Test
    void aLentFrameIsNeverWritten() {
        LinearImage source = LinearImage.from(COFFEE);
        BufferedImage before = source.toBufferedImage();
        float[] red = source.channel(0).clone();
        for (EditPlan plan : plans()) {
            RENDERER.run(plan, source);
        }
        assertThat(source.channel(0)).isEqualTo(red);
        assertSamePixels(LinearImage.from(before), LinearImage.from(source.toBufferedImage()), "lent frame");
    }

    @Test
    void theConsumedFrameIsWhatTheRendererWrites() {
        // not a test of speed: the point of consuming is that the whole-frame edits reuse the frame they were given
        LinearImage source = LinearImage.from(COFFEE);
        float[] red = source.channel(0);
        LinearImage out = RENDERER.runConsuming(plan(new WhiteBalance(30, 0, Region.WHOLE), new Blur(1.2, Region.WHOLE),
                new Exposure(0.4, Region.WHOLE), new Saturation(20, new Region.Subject()), new Monochrome(Region.WHOLE), new Flip(true),
                new Flip(false)), source,
                Optional::empty).image();
        assertThat(out.channel(0)).isSameAs(red);
    }

    @Test
    void theRecursiveBlurInPlaceEqualsTheCopyingOneAtEverySizeAndPadding() {
        Random random = new Random(7);
        int[][] sizes = {{1, 1}, {1, 9}, {9, 1}, {5, 3}, {37, 11}, {300, 7}, {260, 260}, {513, 40}};
        for (int[] size : sizes) {
            for (double sigma : new double[] {3, 4.5, 12, 40}) {
                float[] plane = new float[size[0] * size[1]];
                for (int i = 0; i < plane.length; i++) {
                    plane[i] = random.nextFloat();
                }
                float[] expected = RecursiveGaussian.blur(plane, size[0], size[1], sigma);
                RecursiveGaussian.blurInPlace(plane, size[0], size[1], sigma);
                assertThat(plane).as("%dx%d σ %s", size[0], size[1], sigma).isEqualTo(expected);
            }
        }
    }

    @Test
    void anOpaqueFrameRoundTripsItsPixelsAndAFrameWithAlphaKeepsIt() {
        BufferedImage opaque = COFFEE;
        BufferedImage back = LinearImage.from(opaque).toBufferedImage();
        assertThat(back.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(back.getRGB(0, 0, back.getWidth(), back.getHeight(), null, 0, back.getWidth()))
                .isEqualTo(opaque.getRGB(0, 0, opaque.getWidth(), opaque.getHeight(), null, 0, opaque.getWidth()));
        LinearImage withAlpha = noise(40, 30, true);
        BufferedImage argb = withAlpha.toBufferedImage();
        assertThat(argb.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        assertThat(argb.getRGB(3, 4) >>> 24).isEqualTo((3 * 7 + 4 * 13) & 0xFF);
        assertThat(withAlpha.region(2, 3, 10, 10).toBufferedImage().getRGB(1, 1) >>> 24).isEqualTo((3 * 7 + 4 * 13) & 0xFF);
    }

    // a frame with varied colour and, when asked, varied alpha (pixel (x, y) has alpha 7x + 13y mod 256)
    private static LinearImage noise(int w, int h, boolean alpha) {
        BufferedImage image = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Random random = new Random(11);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, ((7 * x + 13 * y) & 0xFF) << 24 | random.nextInt(1 << 24));
            }
        }
        return LinearImage.from(image);
    }

    private static LinearImage copyOf(LinearImage image) {
        return image.region(0, 0, image.width(), image.height());
    }

    private static void assertSamePixels(LinearImage actual, LinearImage expected, String what) {
        assertThat(actual.width()).as(what).isEqualTo(expected.width());
        assertThat(actual.height()).as(what).isEqualTo(expected.height());
        assertThat(actual.hasAlpha()).as(what).isEqualTo(expected.hasAlpha());
        for (int c = 0; c < 3; c++) {
            assertThat(actual.channel(c)).as(what + " channel " + c).isEqualTo(expected.channel(c));
        }
        BufferedImage a = actual.toBufferedImage();
        BufferedImage e = expected.toBufferedImage();
        assertThat(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth()))
                .as(what).isEqualTo(e.getRGB(0, 0, e.getWidth(), e.getHeight(), null, 0, e.getWidth()));
    }
}
