package io.atelier.engine.generative;

import io.atelier.engine.image.LinearImage;
import io.atelier.engine.kernels.RecursiveGaussian;
import io.atelier.engine.plan.Region;
import io.atelier.engine.region.RegionMasks;
import io.atelier.engine.subject.SubjectMatte;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where new content may land, per region. The subject region means "at the subject": what is added
 * there (hands holding the mug, a saucer under it) reaches past the subject's outline, so the mask is
 * the subject's box grown on every side by {@value #GROW} of its longer side, with a feathered edge. Other
 * regions use the built-in masks. The whole frame has no mask: what changed decides.
 */
public final class SynthesisMasks {
    static final double GROW = 0.2;
    /** Feather width as a fraction of the image's shorter side. */
    static final double FEATHER = 0.015;

    private SynthesisMasks() {
    }

    /** The soft mask (0–1) of where content may be committed, or empty for the whole frame. */
    public static Optional<float[]> mask(Region region, LinearImage image, Supplier<SubjectMatte> subject) {
        return switch (region) {
            case Region.Whole whole -> Optional.empty();
            case Region.Subject s -> Optional.of(aroundSubject(subject.get(), image.width(), image.height()));
            default -> RegionMasks.mask(region, image, subject);
        };
    }

    private static float[] aroundSubject(SubjectMatte matte, int w, int h) {
        int[] b = matte.bounds();
        if (b[2] < b[0] || b[3] < b[1]) {
            b = new int[] {w / 4, h / 4, w * 3 / 4, h * 3 / 4}; // no subject found: the centre, where a subject usually is
        }
        double bw = b[2] - b[0];
        double bh = b[3] - b[1];
        double grow = Math.max(bw, bh) * GROW;
        int x0 = (int) Math.max(0, Math.floor(b[0] - grow));
        int y0 = (int) Math.max(0, Math.floor(b[1] - grow));
        int x1 = (int) Math.min(w, Math.ceil(b[2] + 1 + grow));
        int y1 = (int) Math.min(h, Math.ceil(b[3] + 1 + grow));
        float[] m = new float[w * h];
        for (int y = y0; y < y1; y++) {
            java.util.Arrays.fill(m, y * w + x0, y * w + x1, 1f);
        }
        double sigma = Math.max(1, Math.min(w, h) * FEATHER / 2);
        float[] soft = RecursiveGaussian.blur(m, w, h, sigma);
        for (int i = 0; i < soft.length; i++) {
            soft[i] = soft[i] < 0.004f ? 0f : Math.min(1f, soft[i]);
        }
        return soft;
    }
}
