package io.atelier.engine.region;

import io.atelier.engine.image.LinearImage;
import io.atelier.engine.plan.Region;
import io.atelier.engine.subject.SubjectMatte;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns a {@link Region} into a soft per-pixel weight (1 = fully edited, 0 = untouched). Side bands
 * are feathered outward over {@link #FEATHER} of the frame, so the region itself gets the full edit
 * and everything beyond band + feather is exactly unchanged. Tonal ranges use smooth steps on
 * perceptual lightness; subject and background come from the subject matte.
 */
public final class RegionMasks {
    /** Width of a side band's soft border, as a fraction of the frame across it. */
    public static final double FEATHER = 0.03;

    private RegionMasks() {
    }

    /** The weight mask, or empty for the whole image (no blending needed). */
    public static Optional<float[]> mask(Region region, LinearImage image, Supplier<SubjectMatte> subject) {
        int w = image.width();
        int h = image.height();
        return switch (region) {
            case Region.Whole whole -> Optional.empty();
            case Region.Subject s -> Optional.of(subject.get().alpha().clone());
            case Region.Background b -> {
                float[] a = subject.get().alpha();
                float[] m = new float[a.length];
                for (int i = 0; i < a.length; i++) {
                    m[i] = 1 - a[i];
                }
                yield Optional.of(m);
            }
            case Region.Side side -> Optional.of(side(side, w, h));
            case Region.Tones tones -> Optional.of(tones(tones.range(), image));
            case Region.Sky sky -> Optional.of(SkyMask.of(image).weight());
        };
    }

    private static float[] side(Region.Side side, int w, int h) {
        float[] m = new float[w * h];
        float inner = (float) side.extent();
        float outer = (float) (side.extent() + FEATHER);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float depth = (float) side.edge().depth((x + 0.5) / w, (y + 0.5) / h);
                m[y * w + x] = depth >= outer ? 0f : 1f - smoothstep(inner, outer, depth);
            }
        }
        return m;
    }

    private static float[] tones(Region.Tones.Range range, LinearImage image) {
        float[] y = image.luminance();
        float[] m = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            float l = (float) io.atelier.engine.image.Srgb.encode(Math.max(0, Math.min(1, y[i])));
            m[i] = switch (range) {
                case HIGHLIGHTS -> smoothstep(0.45f, 0.8f, l);
                case SHADOWS -> 1 - smoothstep(0.2f, 0.55f, l);
                case MIDTONES -> smoothstep(0.1f, 0.4f, l) * (1 - smoothstep(0.6f, 0.9f, l));
            };
        }
        return m;
    }

    private static float smoothstep(float e0, float e1, float x) {
        float t = Math.max(0f, Math.min(1f, (x - e0) / (e1 - e0)));
        return t * t * (3 - 2 * t);
    }
}
