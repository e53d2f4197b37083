package io.atelier.engine.subject;

/**
 * A soft subject mask (1 = subject, 0 = background) at the image's size, and the method that made
 * it, recorded with renders so a result can be explained. Values are held at 8-bit precision (k/255),
 * so a matte stored as a PNG and read back renders exactly as the one computed: caching cannot change
 * output bytes.
 */
public record SubjectMatte(float[] alpha, int width, int height, String method) {
    public SubjectMatte {
        if (alpha.length != width * height) {
            throw new IllegalArgumentException("matte size does not match " + width + "×" + height);
        }
        float[] quantised = new float[alpha.length];
        for (int i = 0; i < alpha.length; i++) {
            quantised[i] = Math.round(Math.max(0f, Math.min(1f, alpha[i])) * 255f) / 255f;
        }
        alpha = quantised;
    }

    /** The matte as 8-bit grey levels, row-major. */
    public byte[] levels() {
        byte[] out = new byte[alpha.length];
        for (int i = 0; i < alpha.length; i++) {
            out[i] = (byte) Math.round(alpha[i] * 255f);
        }
        return out;
    }

    /** A matte from 8-bit grey levels. */
    public static SubjectMatte fromLevels(byte[] levels, int width, int height, String method) {
        float[] alpha = new float[levels.length];
        for (int i = 0; i < levels.length; i++) {
            alpha[i] = (levels[i] & 0xFF) / 255f;
        }
        return new SubjectMatte(alpha, width, height, method);
    }

    /** Centre of mass of the matte as fractions of the frame {x, y}; the frame centre if empty. */
    public double[] centroid() {
        double sum = 0;
        double sx = 0;
        double sy = 0;
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 0; x < width; x++, i++) {
                float a = alpha[i];
                sum += a;
                sx += a * x;
                sy += a * y;
            }
        }
        return sum < 1 ? new double[] {0.5, 0.5} : new double[] {(sx / sum + 0.5) / width, (sy / sum + 0.5) / height};
    }

    /** Bounding box {x0, y0, x1, y1} (exclusive ends, pixels) of the matte above one half; the whole frame if empty. */
    public int[] bounds() {
        int x0 = width;
        int y0 = height;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 0; x < width; x++, i++) {
                if (alpha[i] > 0.5f) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x1 < 0 ? new int[] {0, 0, width, height} : new int[] {x0, y0, x1 + 1, y1 + 1};
    }
}
