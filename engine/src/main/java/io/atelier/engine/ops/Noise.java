package io.atelier.engine.ops;

/**
 * Seeded value noise: a hash of (seed, lattice point) instead of a running generator, so any pixel can
 * be computed alone, in any order, on any thread, and give the same value.
 */
final class Noise {
    private Noise() {
    }

    /** A uniform value in [−1, 1) for a lattice point. */
    static float hash(long seed, int x, int y) {
        long h = seed * 0x9E3779B97F4A7C15L + x * 0xC2B2AE3D27D4EB4FL + y * 0x165667B19E3779F9L;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return (h >>> 40) / (float) (1L << 23) - 1f;
    }

    /** Smoothly interpolated value noise at a real position, in [−1, 1]. */
    static float value(long seed, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        float tx = fade((float) (x - x0));
        float ty = fade((float) (y - y0));
        float a = hash(seed, x0, y0);
        float b = hash(seed, x0 + 1, y0);
        float c = hash(seed, x0, y0 + 1);
        float d = hash(seed, x0 + 1, y0 + 1);
        float top = a + tx * (b - a);
        float bottom = c + tx * (d - c);
        return top + ty * (bottom - top);
    }

    /** Fractal sum of {@code octaves} noise layers, each twice the frequency and half the weight; about [−1, 1]. */
    static float fbm(long seed, double x, double y, int octaves) {
        float sum = 0;
        float weight = 0.5f;
        double f = 1;
        for (int o = 0; o < octaves; o++) {
            sum += weight * value(seed + o * 1013L, x * f, y * f);
            weight *= 0.5f;
            f *= 2;
        }
        return sum;
    }

    private static float fade(float t) {
        return t * t * (3 - 2 * t);
    }
}
