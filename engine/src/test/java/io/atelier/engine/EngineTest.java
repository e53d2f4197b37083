package io.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.imaging.ImageDecoder;
import io.atelier.imaging.ImageLimits;
import io.atelier.imaging.RejectedImageException;
import io.atelier.engine.image.Srgb;
import io.atelier.imaging.TestImages;
import io.atelier.engine.render.RenderOutcome;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Measured effects of the engine on a real photo, and the decoder's refusals. */
class EngineTest {
    private static final byte[] COFFEE = load("/photos/coffee.png");
    private final Engine engine = Engine.standard();

    @Test
    void squareCropHasTheAskedRatioAndKeepsTheCentre() throws IOException {
        RenderOutcome.Rendered r = rendered("crop to a 1:1 square");
        assertThat(r.width()).isEqualTo(r.height()).isEqualTo(400);
        BufferedImage out = ImageIO.read(new ByteArrayInputStream(r.png().bytes()));
        BufferedImage in = ImageIO.read(new ByteArrayInputStream(COFFEE));
        // the centre pixel of the 600×400 source is the centre pixel of the 400×400 crop
        assertThat(out.getRGB(200, 200)).isEqualTo(in.getRGB(300, 200));
        assertThat(r.thumbnailWidth()).isLessThanOrEqualTo(320);
    }

    @Test
    void warmerRaisesMeanBStarAndCoolerLowersIt() throws IOException {
        double before = meanBStar(ImageIO.read(new ByteArrayInputStream(COFFEE)));
        double warmer = meanBStar(ImageIO.read(new ByteArrayInputStream(rendered("make it warmer").png().bytes())));
        double cooler = meanBStar(ImageIO.read(new ByteArrayInputStream(rendered("make it cooler").png().bytes())));
        assertThat(warmer).isGreaterThan(before + 2);
        assertThat(cooler).isLessThan(before - 2);
    }

    @Test
    void driftAgainstTheOriginalReadsAJpegAtReducedScaleAndAgreesWithItsPng() throws IOException {
        // the original as uploaded, 1600 × 1064 (divisible by 8: the JPEG is read at 1/4 scale for a 320-px thumbnail)
        BufferedImage big = enlargedCoffee(1600, 1064);
        byte[] jpeg = TestImages.jpeg(big);
        byte[] png = io.atelier.imaging.PngEncoder.encode(big);
        RenderOutcome.Rendered warmer = (RenderOutcome.Rendered) engine.render(png, "make it warmer");
        RenderOutcome.Rendered cropped = (RenderOutcome.Rendered) engine.render(png, "crop it to a square");

        var fromJpeg = engine.driftAgainst(jpeg, warmer).orElseThrow();
        var fromPng = engine.driftAgainst(png, warmer).orElseThrow();
        assertThat(fromJpeg.temperatureShiftKelvin()).as("warmer is measured as warmer").isLessThan(-100);
        assertThat(fromJpeg.temperatureShiftKelvin()).isCloseTo(fromPng.temperatureShiftKelvin(), org.assertj.core.data.Offset.offset(60.0));
        assertThat(fromJpeg.ssim()).isCloseTo(fromPng.ssim(), org.assertj.core.data.Offset.offset(0.03));
        assertThat(fromJpeg.meanDeltaE()).isCloseTo(fromPng.meanDeltaE(), org.assertj.core.data.Offset.offset(1.0));
        var crop = engine.driftAgainst(jpeg, cropped).orElseThrow();
        assertThat(crop.reframed()).isTrue();
        assertThat(crop.aligned()).as("the square is found inside the reduced original").isTrue();
        assertThat(engine.driftAgainst("not an image".getBytes(java.nio.charset.StandardCharsets.US_ASCII), warmer)).isEmpty();
        // a reference made once (as the worker keeps the original's) measures every later step as the bytes would
        var reference = engine.driftReference(jpeg).orElseThrow();
        assertThat(engine.driftAgainst(reference, warmer)).isEqualTo(fromJpeg);
        assertThat(engine.driftAgainst(reference, cropped)).isEqualTo(crop);
        // measured on the render's thumbnail as it was encoded, which is what the stored thumbnail PNG decodes to
        for (RenderOutcome.Rendered step : List.of(warmer, cropped)) {
            BufferedImage stored = ImageIO.read(new ByteArrayInputStream(step.thumbnailPng()));
            assertThat(engine.driftAgainst(reference, step)).isEqualTo(io.atelier.engine.measure.Drift.between(
                    reference.thumbnail(), reference.width(), reference.height(), stored, step.width(), step.height()));
        }
    }

    @Test
    void aStepCarriesItsPreviewFittedInto2048PxAndTrueToItsPicture() throws IOException {
        BufferedImage big = enlargedCoffee(3000, 2000);
        RenderOutcome.Rendered large = (RenderOutcome.Rendered) engine.render(io.atelier.imaging.PngEncoder.encode(big), "make it warmer");
        RenderOutcome.Rendered small = rendered("make it warmer");

        for (RenderOutcome.Rendered step : List.of(large, small)) {
            assertThat(io.atelier.imaging.ImageFormat.sniff(step.previewJpeg())).contains(io.atelier.imaging.ImageFormat.JPEG);
            BufferedImage preview = ImageIO.read(new ByteArrayInputStream(step.previewJpeg()));
            BufferedImage full = ImageIO.read(new ByteArrayInputStream(step.png().bytes()));
            // a big step fitted into 2048 px, a small one kept at its size
            int expectedWidth = Math.min(full.getWidth(), 2048);
            assertThat(preview.getWidth()).isEqualTo(expectedWidth);
            assertThat(preview.getHeight()).isEqualTo((int) Math.round(full.getHeight() * (expectedWidth / (double) full.getWidth())));
            // the same picture: each 1/8 × 1/8 block of the preview averages to its block of the full image
            for (int by = 0; by < 8; by++) {
                for (int bx = 0; bx < 8; bx++) {
                    int[] shown = blockMean(preview, bx, by);
                    int[] rendered = blockMean(full, bx, by);
                    for (int c = 0; c < 3; c++) {
                        assertThat(Math.abs(shown[c] - rendered[c])).as("block %d,%d channel %d", bx, by, c).isLessThanOrEqualTo(4);
                    }
                }
            }
        }
    }

    // the sample photo drawn at a larger size, as a camera's bigger file of the same scene
    private static BufferedImage enlargedCoffee(int width, int height) throws IOException {
        BufferedImage photo = ImageIO.read(new ByteArrayInputStream(COFFEE));
        BufferedImage big = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = big.createGraphics();
        g.drawImage(photo, 0, 0, width, height, null);
        g.dispose();
        return big;
    }

    // the mean sRGB value of one of an image's 8 × 8 blocks
    private static int[] blockMean(BufferedImage image, int bx, int by) {
        int x0 = image.getWidth() * bx / 8, x1 = image.getWidth() * (bx + 1) / 8;
        int y0 = image.getHeight() * by / 8, y1 = image.getHeight() * (by + 1) / 8;
        long[] sum = new long[3];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int rgb = image.getRGB(x, y);
                sum[0] += (rgb >> 16) & 0xff;
                sum[1] += (rgb >> 8) & 0xff;
                sum[2] += rgb & 0xff;
            }
        }
        long n = (long) (x1 - x0) * (y1 - y0);
        return new int[] {(int) (sum[0] / n), (int) (sum[1] / n), (int) (sum[2] / n)};
    }

    @Test
    void theParentsBytesAreTakenOnceAndNotKept() {
        ParentImage parent = ParentImage.of(COFFEE);
        assertThat(engine.render(parent, "make it warmer", io.atelier.engine.kit.KitContext.NONE, java.util.Optional::empty))
                .isInstanceOf(RenderOutcome.Rendered.class);
        assertThatThrownBy(parent::take).as("the engine took them").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void oneStopBrighterDoublesLinearLight() throws IOException {
        BufferedImage in = ImageIO.read(new ByteArrayInputStream(COFFEE));
        BufferedImage out = ImageIO.read(new ByteArrayInputStream(rendered("brighter by one stop").png().bytes()));
        // pick dark pixels that cannot clip: their linear value must double
        int checked = 0;
        for (int y = 0; y < in.getHeight(); y += 7) {
            for (int x = 0; x < in.getWidth(); x += 7) {
                int g = (in.getRGB(x, y) >> 8) & 0xFF;
                if (g > 20 && g < 100) {
                    double ratio = Srgb.toLinear((out.getRGB(x, y) >> 8) & 0xFF) / Srgb.toLinear(g);
                    assertThat(ratio).isBetween(1.9, 2.1);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void blackAndWhiteHasNoChroma() throws IOException {
        BufferedImage out = ImageIO.read(new ByteArrayInputStream(rendered("black and white").png().bytes()));
        for (int y = 0; y < out.getHeight(); y += 5) {
            for (int x = 0; x < out.getWidth(); x += 5) {
                int p = out.getRGB(x, y);
                assertThat((p >> 16) & 0xFF).isEqualTo((p >> 8) & 0xFF).isEqualTo(p & 0xFF);
            }
        }
    }

    @Test
    void sameInputAndInstructionGiveIdenticalBytes() {
        assertThat(rendered("square, warmer, 10% darker").png().bytes()).isEqualTo(rendered("square, warmer, 10% darker").png().bytes());
        // seeded noise, the subject estimate (GrabCut's k-means), multi-threaded blurs and text: still the same bytes
        String everything = "blur the background, add film grain, dust in the light from the left, steam rising from the cup, "
                + "a lens flare, then add the title \"TerraBrew\" at the top";
        byte[] first = new Engine(io.atelier.engine.planner.BuiltinPlanner.standard(), ImageLimits.DEFAULT,
                new io.atelier.engine.subject.CentrePriorGrabCut()).render(COFFEE, everything) instanceof RenderOutcome.Rendered r ? r.png().bytes() : null;
        assertThat(first).isNotNull();
        assertThat(rendered(everything).png().bytes()).isEqualTo(first);
    }

    @Test
    void unknownInstructionFailsWithAReasonAndWhatWouldWork() {
        RenderOutcome outcome = engine.render(COFFEE, "add a person's hands holding the mug");
        assertThat(outcome).isInstanceOfSatisfying(RenderOutcome.Failed.class, f -> {
            assertThat(f.reason()).contains("hands");
            assertThat(f.hint()).contains("crop");
        });
    }

    @Test
    void decoderRejectsTextTruncatedAndHugeImagesBeforeDecoding() throws IOException {
        ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
        assertThatThrownBy(() -> decoder.decode("hello, I am not an image".getBytes()))
                .isInstanceOfSatisfying(RejectedImageException.class, e -> assertThat(e.kind()).isEqualTo(RejectedImageException.Kind.UNSUPPORTED_FORMAT));

        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(ImageIO.read(new ByteArrayInputStream(COFFEE)), "jpeg", jpeg);
        byte[] truncated = Arrays.copyOf(jpeg.toByteArray(), jpeg.size() * 2 / 3);
        assertThatThrownBy(() -> decoder.decode(truncated))
                .isInstanceOfSatisfying(RejectedImageException.class, e -> assertThat(e.kind()).isEqualTo(RejectedImageException.Kind.CORRUPT));

        assertThatThrownBy(() -> decoder.decode(TestImages.pngHeaderClaiming(100_000, 100_000)))
                .isInstanceOfSatisfying(RejectedImageException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RejectedImageException.Kind.TOO_LARGE);
                    assertThat(e.getMessage()).contains("100000 × 100000");
                });
    }

    private RenderOutcome.Rendered rendered(String instruction) {
        RenderOutcome outcome = engine.render(COFFEE, instruction);
        assertThat(outcome).as(instruction).isInstanceOf(RenderOutcome.Rendered.class);
        return (RenderOutcome.Rendered) outcome;
    }

    private static double meanBStar(BufferedImage image) {
        return io.atelier.engine.measure.ImageStats.meanLab(image, io.atelier.engine.measure.ImageStats.Selection.ALL)[2];
    }

    private static byte[] load(String resource) {
        try (InputStream in = EngineTest.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
