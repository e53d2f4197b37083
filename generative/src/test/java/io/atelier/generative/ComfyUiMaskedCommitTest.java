package io.atelier.generative;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.engine.Engine;
import io.atelier.engine.planner.BuiltinPlanner;
import io.atelier.engine.render.RenderOutcome;
import io.atelier.engine.subject.CentrePriorGrabCut;
import io.atelier.imaging.ImageLimits;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's masked commit through the ComfyUI adapter on a real photo: "add a person's hands holding
 * the mug" on coffee.png is sent as a crop with the region as the image's alpha, and only the committed
 * mask changes — outside it every pixel is the parent's (ΔE76 &lt; 1), inside the new content shows.
 */
class ComfyUiMaskedCommitTest {
    private final FakeComfyUi fake = FakeComfyUi.start();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void handsAreCommittedOnlyInsideTheMask() throws IOException {
        byte[] coffee = Files.readAllBytes(Path.of("..", "docs", "sample-photos", "coffee.png"));
        ComfyUi comfy = new ComfyUi(new ComfyUiSettings(URI.create(fake.baseUrl()), FakeComfyUi.CHECKPOINT, ComfyWorkflow.bundledInpaint(),
                ComfyWorkflow.bundledTextToImage(), ComfyUiSettings.SDXL_SIZES, Duration.ofMillis(10), Duration.ofSeconds(30)));
        Engine engine = new Engine(BuiltinPlanner.standard(), ImageLimits.DEFAULT, new CentrePriorGrabCut(), Optional.of(comfy));

        RenderOutcome outcome = engine.render(coffee, "add a person's hands holding the mug");

        assertThat(fake.violations()).isEmpty();
        assertThat(outcome).isInstanceOf(RenderOutcome.Rendered.class);
        RenderOutcome.Rendered r = (RenderOutcome.Rendered) outcome;
        var committed = r.generated().orElseThrow();
        assertThat(committed.provenance().provider()).isEqualTo("comfyui");
        assertThat(committed.mode()).isEqualTo("region");
        BufferedImage parent = ImageIO.read(new ByteArrayInputStream(coffee));
        BufferedImage result = ImageIO.read(new ByteArrayInputStream(r.png().bytes()));
        BufferedImage mask = ImageIO.read(new ByteArrayInputStream(committed.maskPng()));
        double maxOutside = 0;
        double maxInside = 0;
        long outside = 0;
        for (int y = 0; y < parent.getHeight(); y++) {
            for (int x = 0; x < parent.getWidth(); x++) {
                double d = deltaE76(parent.getRGB(x, y), result.getRGB(x, y));
                int m = mask.getRaster().getSample(x, y, 0);
                if (m == 0) {
                    maxOutside = Math.max(maxOutside, d);
                    outside++;
                } else if (m > 200) {
                    maxInside = Math.max(maxInside, d);
                }
            }
        }
        System.out.printf("[ComfyUiMaskedCommitTest] committed %.1f%%; max ΔE76 outside %.3f over %d px, inside %.1f%n",
                committed.fraction() * 100, maxOutside, outside, maxInside);
        assertThat(outside).isGreaterThan((long) parent.getWidth() * parent.getHeight() / 2);
        assertThat(maxOutside).as("max ΔE76 outside the committed mask").isLessThan(1);
        assertThat(maxInside).as("the hands show inside it").isGreaterThan(20);
    }

    private static double deltaE76(int a, int b) {
        double[] la = lab(a);
        double[] lb = lab(b);
        return Math.sqrt(Math.pow(la[0] - lb[0], 2) + Math.pow(la[1] - lb[1], 2) + Math.pow(la[2] - lb[2], 2));
    }

    private static double[] lab(int rgb) {
        double r = lin((rgb >> 16) & 255);
        double g = lin((rgb >> 8) & 255);
        double b = lin(rgb & 255);
        double fx = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
        double fy = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
        double fz = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double lin(int v) {
        double c = v / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }
}
