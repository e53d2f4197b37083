package io.atelier.engine.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.engine.Engine;
import io.atelier.engine.Photos;
import io.atelier.engine.ops.Resize;
import io.atelier.engine.plan.EditPlan;
import io.atelier.engine.planner.BuiltinPlanner;
import io.atelier.engine.render.RenderOutcome;
import io.atelier.engine.subject.CentrePriorGrabCut;
import io.atelier.imaging.ImageDecoder;
import io.atelier.imaging.ImageLimits;
import io.atelier.imaging.PlainJpeg;
import io.atelier.imaging.RejectedImageException;
import io.atelier.imaging.TestImages;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The native (libjpeg-turbo) JPEG path against the ImageIO path it replaces for plain JPEGs: the same pixels within
 * the IDCT's rounding, and shrink-on-load within a stated tolerance of a full decode then resize, at the same size.
 */
class NativeJpegTest {
    private static final ImageDecoder DECODER = new ImageDecoder(ImageLimits.DEFAULT);

    private static BufferedImage coffee(int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(Photos.COFFEE, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    @Test
    void aBigPictureParkedInAFileDecodesToTheSameFrame() throws Exception {
        // 1000 × 1500 in 4 MiB bands of 3000-byte rows: one band of 1398 rows and a short one of 102
        byte[] jpeg = TestImages.jpeg(coffee(1000, 1500));
        PlainJpeg plain = DECODER.plainJpeg(jpeg).orElseThrow();
        LinearImage direct = NativeJpeg.decode(jpeg, plain, 1, Long.MAX_VALUE).orElseThrow();
        LinearImage parked = NativeJpeg.decode(jpeg, plain, 1, 0).orElseThrow();
        for (int c = 0; c < 3; c++) {
            assertThat(parked.channel(c)).as("channel %d", c).isEqualTo(direct.channel(c));
        }
        assertThat(parked.hasAlpha()).isFalse();
        try (var left = java.nio.file.Files.list(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no parked pixels left behind").noneMatch(n -> n.startsWith("atelier-decode-"));
        }
    }

    @Test
    void fullSizeDecodeMatchesTheImageIoPathWithinIdctRounding() throws RejectedImageException {
        byte[] jpeg = TestImages.jpeg(coffee(600, 400));
        PlainJpeg plain = DECODER.plainJpeg(jpeg).orElseThrow();
        BufferedImage fast = NativeJpeg.decode(jpeg, plain, 1).orElseThrow().toBufferedImage();
        BufferedImage old = LinearImage.from(DECODER.decode(jpeg).image()).toBufferedImage();
        double[] d = difference(fast, old);
        System.out.printf("native vs ImageIO, full size: max %d/%d/%d mean %.3f %.3f %.3f%n", (int) d[0], (int) d[1], (int) d[2], d[3], d[4], d[5]);
        assertThat(fast.getWidth()).isEqualTo(600);
        assertThat(fast.getHeight()).isEqualTo(400);
        for (int c = 0; c < 3; c++) {
            assertThat(d[c]).as("max difference, channel " + c).isLessThanOrEqualTo(4);
            assertThat(d[3 + c]).as("mean difference, channel " + c).isLessThanOrEqualTo(0.5);
        }
    }

    @Test
    void shrinkOnLoadMatchesFullDecodeThenResize() throws Exception {
        byte[] jpeg = TestImages.jpeg(coffee(2400, 1600));
        PlainJpeg plain = DECODER.plainJpeg(jpeg).orElseThrow();
        assertThat(NativeJpeg.reductionFor(plain, 500)).isEqualTo(4);
        assertThat(NativeJpeg.reductionFor(plain, 700)).isEqualTo(2);
        assertThat(NativeJpeg.reductionFor(plain, 1300)).isEqualTo(1);
        assertThat(NativeJpeg.reductionFor(new PlainJpeg(2401, 1601), 500)).as("a partial block is never reduced").isEqualTo(1);
        Engine engine = new Engine(BuiltinPlanner.standard(), ImageLimits.DEFAULT, new CentrePriorGrabCut());
        Resize resize = new Resize(500);
        RenderOutcome.Rendered rendered = (RenderOutcome.Rendered) engine.renderPlan(jpeg, EditPlan.of("resize", "test", List.of(resize)),
                Optional::empty);
        int[] size = resize.size(2400, 1600);
        assertThat(new int[] {rendered.width(), rendered.height()}).containsExactly(size);
        BufferedImage fast = ImageIO.read(new ByteArrayInputStream(rendered.png().bytes()));
        BufferedImage full = Photos.run(DECODER.decode(jpeg).image(), resize);
        double[] d = difference(fast, full);
        System.out.printf("shrink-on-load 1/4 vs full decode + resize: max %d/%d/%d mean %.3f %.3f %.3f%n",
                (int) d[0], (int) d[1], (int) d[2], d[3], d[4], d[5]);
        // measured 0.91-0.95 mean and 19-23 max (1/2: 0.3 and 11): libjpeg's scaled IDCT averages in sRGB, not linear light
        for (int c = 0; c < 3; c++) {
            assertThat(d[3 + c]).as("mean difference, channel " + c).isLessThanOrEqualTo(1.2);
            assertThat(d[c]).as("max difference, channel " + c).isLessThanOrEqualTo(28);
        }
        assertThat(rendered.againstParent()).isPresent();
    }

    @Test
    void aSideThatIsNotAWholeNumberOfBlocksIsDecodedFullAndResizedToTheSameSize() {
        byte[] jpeg = TestImages.jpeg(coffee(1201, 801));
        Engine engine = new Engine(BuiltinPlanner.standard(), ImageLimits.DEFAULT, new CentrePriorGrabCut());
        Resize resize = new Resize(300);
        RenderOutcome.Rendered rendered = (RenderOutcome.Rendered) engine.renderPlan(jpeg, EditPlan.of("resize", "test", List.of(resize)),
                Optional::empty);
        assertThat(new int[] {rendered.width(), rendered.height()}).containsExactly(resize.size(1201, 801));
    }

    // max per channel (r, g, b) then mean per channel, in 8-bit levels
    private static double[] difference(BufferedImage a, BufferedImage b) {
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        assertThat(a.getHeight()).isEqualTo(b.getHeight());
        double[] out = new double[6];
        long n = (long) a.getWidth() * a.getHeight();
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int c = 0; c < 3; c++) {
                    int diff = Math.abs((p >> (16 - 8 * c) & 0xFF) - (q >> (16 - 8 * c) & 0xFF));
                    out[c] = Math.max(out[c], diff);
                    out[3 + c] += diff / (double) n;
                }
            }
        }
        return out;
    }
}
