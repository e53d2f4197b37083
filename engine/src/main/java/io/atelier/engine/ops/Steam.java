package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.subject.SubjectMatte;
import java.util.function.Supplier;

/**
 * Steam rising from the top of the subject, just inside its rim. Above the origin, height v runs 0 → 1
 * over {@code height} of the frame; a plume whose width grows with v is bent sideways by slow noise (the
 * curl of rising air) and filled with turbulent fractal noise stretched upward, squared so it breaks into
 * separate wisps; it fades in just above the rim and out toward the top. The result is screen-blended
 * as a pale warm grey, so steam shows against dark coffee and barely over a bright wall, as real steam does.
 */
@JsonTypeName("steam")
@Doc(layer = Doc.Layer.POLISH, value = "curling, fading fractal-noise wisps rising from the subject's top")
public record Steam(
        @Param(min = 0, max = 1, doc = "how dense") double strength,
        @Param(min = 0.1, max = 0.6, doc = "how high it rises, as a fraction of the image height") double height,
        @Param(doc = "noise seed: the same seed gives the same wisps") long seed) implements Operation.Global {

    @Override
    public String describe() {
        return "added wisps of steam rising from the subject";
    }

    @Override
    public LinearImage apply(LinearImage image, Supplier<SubjectMatte> subject) {
        int w = image.width();
        int h = image.height();
        SubjectMatte m = subject.get();
        int[] b = m.bounds();
        double ox = m.centroid()[0] * w;
        double oy = (b[1] + (b[3] - b[1]) * 0.25) / (double) h * h; // inside the rim: steam leaves the drink's surface
        double span = height * h;
        double baseWidth = Math.max(0.04, (b[2] - b[0]) * 0.3 / w) * w;
        float k = (float) (1.3 * strength);
        return image.mapPixels((x, y, px) -> {
            double v = (oy - (y + 0.5)) / span;
            if (v <= 0 || v >= 1) {
                return;
            }
            double spread = baseWidth * (0.35 + 0.9 * v);
            double curl = Noise.fbm(seed, v * 2.2, 0.5, 3) * 1.4 * v + Math.sin(v * 5.5 + seed % 7) * 0.25 * v;
            double u = ((x + 0.5) - ox) / spread - curl;
            double envelope = Math.exp(-u * u * 2.2) * Tone.smoothstep(0, 0.12, v) * (1 - Tone.smoothstep(0.45, 1, v));
            if (envelope < 1e-3) {
                return;
            }
            double turbulence = 0.5 + 0.5 * Noise.fbm(seed + 17, u * 1.6, v * 3.2 - v * v, 4);
            double wisps = Math.pow(Math.max(0, turbulence * 1.25 - 0.25), 2.2);
            float steam = (float) (k * envelope * wisps);
            px[0] = 1 - (1 - Math.min(1f, px[0])) * (1 - steam * 0.92f);
            px[1] = 1 - (1 - Math.min(1f, px[1])) * (1 - steam * 0.90f);
            px[2] = 1 - (1 - Math.min(1f, px[2])) * (1 - steam * 0.86f);
        });
    }
}
