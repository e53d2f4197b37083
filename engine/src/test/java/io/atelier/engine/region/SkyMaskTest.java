package io.atelier.engine.region;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.engine.Photos;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.measure.Cielab;
import io.atelier.engine.ops.HueAdjust;
import io.atelier.engine.ops.Operation;
import io.atelier.engine.plan.Region;
import io.atelier.engine.planner.BuiltinPlanner;
import io.atelier.engine.planner.PlanOutcome;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The sky detector on a real photo with sky (rocket.png, a dusk launch with lattice towers and lit ground, public
 * domain) against a reference mask drawn by hand (rocket-sky.png: white sky, black rocket, poles and ground, grey not
 * counted: the see-through lattice hulls, the cloud bank on the horizon and a 3 px border round every shape).
 * Writes {@code target/sky-mask.md} and {@code target/sky-mask.png}.
 */
class SkyMaskTest {
    private static final BufferedImage ROCKET = read("/photos/rocket.png");
    private static final BufferedImage REFERENCE = read("/photos/rocket-sky.png");

    @Test
    void maskCoversTheSkyAndNotTheRocketOrTheGround() throws IOException {
        SkyMask sky = SkyMask.of(LinearImage.from(ROCKET));
        float[] m = sky.weight();
        int w = ROCKET.getWidth();
        int both = 0;
        int either = 0;
        double onNotSky = 0;
        int notSky = 0;
        double onSky = 0;
        int skyCount = 0;
        for (int i = 0; i < m.length; i++) {
            int ref = REFERENCE.getRaster().getSample(i % w, i / w, 0);
            boolean said = m[i] >= 0.5f;
            if (ref == 255) {
                onSky += m[i];
                skyCount++;
            } else if (ref == 0) {
                onNotSky += m[i];
                notSky++;
            }
            if (ref == 128) {
                continue;
            }
            both += said && ref == 255 ? 1 : 0;
            either += said || ref == 255 ? 1 : 0;
        }
        double iou = (double) both / either;
        String report = String.format(Locale.ROOT, "rocket.png: sky found %s, IoU %.3f against the hand-drawn mask; mean weight %.3f on the sky,"
                + " %.3f on the rocket, poles and ground%n", sky.found(), iou, onSky / skyCount, onNotSky / notSky);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/sky-mask.md"), report);
        ImageIO.write(asImage(m, w, ROCKET.getHeight()), "png", Path.of("target/sky-mask.png").toFile());
        assertThat(sky.found()).as(report).isTrue();
        assertThat(iou).as(report).isGreaterThanOrEqualTo(0.90);
        assertThat(onNotSky / notSky).as(report).isLessThan(0.05);
    }

    @Test
    void aBluerSkyChangesTheSkyAndLeavesTheGroundAlone() throws IOException {
        PlanOutcome outcome = BuiltinPlanner.standard().plan("make the sky bluer");
        assertThat(outcome.plan().operations()).as(outcome.plan().whatIDid().toString()).singleElement().isInstanceOfSatisfying(HueAdjust.class,
                h -> assertThat(h.region()).isEqualTo(new Region.Sky()));
        assertThat(outcome.plan().notes()).anySatisfy(n -> assertThat(n).contains("sky is found in the photo").contains("upper 40%"));
        BufferedImage out = Photos.run(ROCKET, outcome.plan().operations().toArray(Operation[]::new));
        double skyShift = 0;
        int sky = 0;
        double worstGround = 0;
        double chromaBefore = 0;
        double chromaAfter = 0;
        int w = ROCKET.getWidth();
        for (int y = 0; y < ROCKET.getHeight(); y++) {
            for (int x = 0; x < w; x++) {
                int ref = REFERENCE.getRaster().getSample(x, y, 0);
                double[] before = Cielab.fromRgb(ROCKET.getRGB(x, y));
                double[] after = Cielab.fromRgb(out.getRGB(x, y));
                if (ref == 255) {
                    skyShift += Cielab.deltaE76(before, after);
                    chromaBefore += Math.hypot(before[1], before[2]);
                    chromaAfter += Math.hypot(after[1], after[2]);
                    sky++;
                } else if (ref == 0 && y >= 412) {
                    worstGround = Math.max(worstGround, Cielab.deltaE76(before, after));
                }
            }
        }
        String report = String.format(Locale.ROOT, "\"make the sky bluer\" (%s): mean ΔE %.2f on the sky, sky chroma %.1f -> %.1f; largest ΔE on the ground %.2f%n",
                outcome.plan().whatIDid(), skyShift / sky, chromaBefore / sky, chromaAfter / sky, worstGround);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/sky-mask.md"), report, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        assertThat(skyShift / sky).as(report).isGreaterThanOrEqualTo(2.0);
        assertThat(chromaAfter).as(report).isGreaterThan(chromaBefore);
        assertThat(worstGround).as(report).isLessThan(1.0);
    }

    @Test
    void withoutSkyTheUpperBandStandsIn() {
        SkyMask sky = SkyMask.of(LinearImage.from(Photos.COFFEE));
        float[] m = sky.weight();
        int w = Photos.COFFEE.getWidth();
        int h = Photos.COFFEE.getHeight();
        assertThat(sky.found()).isFalse();
        assertThat(m[w / 2]).isEqualTo(1f);
        assertThat(m[(h - 1) * w + w / 2]).isZero();
    }

    @Test
    void aCatIndoorsHasNoSky() throws IOException {
        BufferedImage cat = ImageIO.read(Path.of("..", "docs", "sample-photos", "chelsea.png").toFile());
        assertThat(SkyMask.of(LinearImage.from(cat)).found()).as("chelsea.png has no sky").isFalse();
    }

    private static BufferedImage asImage(float[] m, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < m.length; i++) {
            img.getRaster().setSample(i % w, i / w, 0, Math.round(255 * m[i]));
        }
        return img;
    }

    private static BufferedImage read(String resource) {
        try (InputStream in = SkyMaskTest.class.getResourceAsStream(resource)) {
            return ImageIO.read(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
