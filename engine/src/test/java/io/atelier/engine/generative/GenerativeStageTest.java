package io.atelier.engine.generative;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.engine.Photos;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.measure.Cielab;
import io.atelier.engine.ops.Synthesize;
import io.atelier.engine.plan.Region;
import io.atelier.engine.subject.CentrePriorGrabCut;
import io.atelier.engine.subject.SubjectMatte;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class GenerativeStageTest {
    private final RepaintingEngine provider = new RepaintingEngine();
    private final GenerativeStage stage = new GenerativeStage(provider);
    private final LinearImage coffee = LinearImage.from(Photos.COFFEE);
    private final SubjectMatte matte = new CentrePriorGrabCut().detect(coffee);

    @Test
    void aRegionSendsAPaddedCropAtAnAcceptedSizeAndCommitsOnlyInsideItsMask() {
        GenerativeStage.Painted painted = stage.paint(new Synthesize("a person's hands holding the mug", new Region.Subject()), coffee, () -> matte);

        GenerationRequest sent = provider.requests.get(0);
        assertThat(provider.acceptedSizes()).contains(sent.size());
        BufferedImage sentImage = RepaintingEngine.read(sent.image().orElseThrow());
        assertThat(sentImage.getWidth()).isEqualTo(sent.size().width());
        BufferedImage sentMask = RepaintingEngine.read(sent.mask().orElseThrow());
        assertThat(sentMask.getColorModel().hasAlpha()).isTrue();
        double share = transparentShare(sentMask);
        System.out.printf("subject box %s, sent %s, transparent share %.3f%n", java.util.Arrays.toString(matte.bounds()), sent.size(), share);
        assertThat(share).isBetween(0.2, 0.95); // the crop is padded: some of it is not to be repainted

        float[] mask = grey(painted.committed().maskPng(), coffee.width(), coffee.height());
        double[] outside = deltaE(Photos.COFFEE, painted.image().toBufferedImage(), mask, false);
        double[] inside = deltaE(Photos.COFFEE, painted.image().toBufferedImage(), mask, true);
        assertThat(outside[1]).as("max ΔE76 outside the committed mask").isLessThan(1);
        assertThat(inside[1]).as("something visible was painted inside").isGreaterThan(20);
        assertThat(painted.committed().mode()).isEqualTo(GenerativeStage.Committed.REGION);
        assertThat(painted.committed().fraction()).as("only the painted shape, not the whole region").isBetween(0.005, 0.3);
        assertThat(painted.committed().provenance().revisedPrompt()).contains("revised: a person's hands holding the mug");
    }

    @Test
    void withoutARegionOnlyWhatReallyChangedIsCommitted() {
        GenerativeStage.Painted painted = stage.paint(new Synthesize("put a croissant on the table", Region.WHOLE), coffee, () -> matte);

        assertThat(provider.requests.get(0).mask()).isEmpty();
        float[] mask = grey(painted.committed().maskPng(), coffee.width(), coffee.height());
        BufferedImage out = painted.image().toBufferedImage();
        assertThat(deltaE(Photos.COFFEE, out, mask, false)[1]).as("max ΔE76 outside the changed regions").isLessThan(1);
        // the provider's slight lift of the whole frame is not a change; its painted shape (lower-right, ~4% of the frame) is
        assertThat(painted.committed().fraction()).isBetween(0.02, 0.12);
        int x = coffee.width() * 3 / 4;
        int y = coffee.height() * 29 / 40;
        assertThat(mask[y * coffee.width() + x]).isGreaterThan(0.9f);
        assertThat(mask[10 * coffee.width() + 10]).isZero();
        assertThat(painted.committed().mode()).isEqualTo(GenerativeStage.Committed.CHANGES);
    }

    @Test
    void anAcceptedSizeIsChosenByShapeAndTheCropKeepsThatShapeInsideTheImage() {
        assertThat(provider.closestSize(600, 400)).isEqualTo(new Size(1536, 1024));
        assertThat(provider.closestSize(300, 500)).isEqualTo(new Size(1024, 1536));
        int[] crop = GenerativeStage.fitAspect(new int[] {500, 100, 600, 200}, new Size(1536, 1024), 600, 400);
        assertThat(crop[2]).isLessThanOrEqualTo(600);
        assertThat(crop[0]).isLessThanOrEqualTo(500);
        assertThat((double) (crop[2] - crop[0]) / (crop[3] - crop[1])).isCloseTo(1.5, org.assertj.core.data.Offset.offset(0.02));
    }

    static double transparentShare(BufferedImage mask) {
        long n = 0;
        for (int y = 0; y < mask.getHeight(); y++) {
            for (int x = 0; x < mask.getWidth(); x++) {
                n += (mask.getRGB(x, y) >>> 24) == 0 ? 1 : 0;
            }
        }
        return (double) n / (mask.getWidth() * mask.getHeight());
    }

    static float[] grey(byte[] png, int w, int h) {
        BufferedImage g = RepaintingEngine.read(png);
        assertThat(g.getWidth()).isEqualTo(w);
        assertThat(g.getHeight()).isEqualTo(h);
        float[] m = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                m[y * w + x] = (g.getRGB(x, y) & 255) / 255f;
            }
        }
        return m;
    }

    /** Mean and max ΔE76 between a and b over pixels inside (mask > 0.5) or outside (mask == 0) the mask. */
    static double[] deltaE(BufferedImage a, BufferedImage b, float[] mask, boolean inside) {
        double sum = 0;
        double max = 0;
        long n = 0;
        int w = a.getWidth();
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < w; x++) {
                float m = mask[y * w + x];
                if (inside ? m > 0.5f : m == 0f) {
                    double d = Cielab.deltaE76(Cielab.fromRgb(a.getRGB(x, y)), Cielab.fromRgb(b.getRGB(x, y)));
                    sum += d;
                    max = Math.max(max, d);
                    n++;
                }
            }
        }
        assertThat(n).isPositive();
        return new double[] {sum / n, max};
    }
}
