package io.atelier.engine.ops;

import io.atelier.engine.image.LinearImage;

/**
 * Steam rising from a point. Above the origin, height v runs 0 → 1 over {@code height} of the frame;
 * a plume whose width grows with v is bent sideways by slow noise (the curl of rising air) and filled with
 * turbulent fractal noise stretched upward, squared so it breaks into separate wisps; it fades in just
 * above the rim and out toward the top. The result is screen-blended as a pale warm grey, so steam
 * shows against dark coffee and barely over a bright wall, as real steam does.
 */
public final class Steam {
    private Steam() {
    }

    public static LinearImage apply(LinearImage image, double strength, double height, long seed, double originX, double originY,
                                    double plumeWidth) {
        int w = image.width();
        int h = image.height();
        double ox = originX * w;
        double oy = originY * h;
        double span = height * h;
        double baseWidth = Math.max(0.04, plumeWidth) * w;
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
