package io.atelier.imaging;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Builds small ICC v2 matrix/TRC display profiles from a colour space's published primaries, white
 * point and tone curve, for test images tagged with Display P3 or Adobe RGB. The colorants are the
 * primaries' XYZ adapted to the D50 connection space with the Bradford transform, as ICC requires.
 */
public final class IccProfiles {
    /** sRGB's tone curve as an ICC parametric curve (type 3): g, a, b, c, d. */
    public static final double[] SRGB_CURVE = {2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045};
    public static final double[] P3_PRIMARIES = {0.680, 0.320, 0.265, 0.690, 0.150, 0.060};
    public static final double[] SRGB_PRIMARIES = {0.640, 0.330, 0.300, 0.600, 0.150, 0.060};
    public static final double[] ADOBE_RGB_PRIMARIES = {0.640, 0.330, 0.210, 0.710, 0.150, 0.060};
    public static final double[] D65 = {0.3127, 0.3290};
    private static final double[] D50_XYZ = {0.9642, 1.0, 0.8249};
    private static final double[][] BRADFORD = {{0.8951, 0.2664, -0.1614}, {-0.7502, 1.7135, 0.0367}, {0.0389, -0.0685, 1.0296}};

    private IccProfiles() {
    }

    /** Display P3: DCI-P3 primaries, D65 white, the sRGB tone curve. */
    public static byte[] displayP3() {
        return rgb("Display P3 (test)", P3_PRIMARIES, SRGB_CURVE);
    }

    /** Adobe RGB (1998): its primaries, D65 white, gamma 563/256. */
    public static byte[] adobeRgb() {
        return rgb("Adobe RGB 1998 compatible (test)", ADOBE_RGB_PRIMARIES, new double[] {563 / 256.0, 1, 0, 0, 0});
    }

    /** A matrix/TRC RGB display profile with the given primaries (rx, ry, gx, gy, bx, by), D65 white and parametric curve. */
    public static byte[] rgb(String description, double[] primaries, double[] curve) {
        double[][] colorants = multiply(adaptD65ToD50(), rgbToXyz(primaries, D65));
        ByteArrayOutputStream tags = new ByteArrayOutputStream();
        String[] signatures = {"desc", "cprt", "wtpt", "rXYZ", "gXYZ", "bXYZ", "rTRC", "gTRC", "bTRC"};
        byte[][] data = {
            textDescription(description), text("No copyright, generated for tests"), xyz(D50_XYZ),
            xyz(column(colorants, 0)), xyz(column(colorants, 1)), xyz(column(colorants, 2)),
            parametric(curve), null, null,
        };
        int offset = 128 + 4 + 12 * signatures.length;
        ByteBuffer table = ByteBuffer.allocate(4 + 12 * signatures.length).putInt(signatures.length);
        int curveOffset = 0;
        for (int i = 0; i < signatures.length; i++) {
            byte[] tag = data[i];
            if (tag == null) { // the three tone curves share one tag
                table.put(ascii(signatures[i])).putInt(curveOffset).putInt(data[6].length);
                continue;
            }
            if (i == 6) {
                curveOffset = offset + tags.size();
            }
            table.put(ascii(signatures[i])).putInt(offset + tags.size()).putInt(tag.length);
            tags.writeBytes(tag);
            while (tags.size() % 4 != 0) {
                tags.write(0);
            }
        }
        int size = offset + tags.size();
        ByteBuffer header = ByteBuffer.allocate(128);
        header.putInt(size).putInt(0).putInt(0x02100000).put(ascii("mntr")).put(ascii("RGB ")).put(ascii("XYZ "));
        header.putShort((short) 2026).putShort((short) 1).putShort((short) 1).putShort((short) 0).putShort((short) 0).putShort((short) 0);
        header.put(ascii("acsp"));
        header.position(64);
        header.putInt(0); // perceptual
        header.putInt(s15f16(D50_XYZ[0])).putInt(s15f16(D50_XYZ[1])).putInt(s15f16(D50_XYZ[2]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        out.writeBytes(table.array());
        out.writeBytes(tags.toByteArray());
        return out.toByteArray();
    }

    /** The matrix taking linear RGB with these primaries to CIE XYZ, with the given white at Y = 1. */
    public static double[][] rgbToXyz(double[] p, double[] white) {
        double[][] m = new double[3][3];
        for (int i = 0; i < 3; i++) {
            double x = p[2 * i];
            double y = p[2 * i + 1];
            m[0][i] = x / y;
            m[1][i] = 1;
            m[2][i] = (1 - x - y) / y;
        }
        double[] w = {white[0] / white[1], 1, (1 - white[0] - white[1]) / white[1]};
        double[] s = apply(invert(m), w);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                m[r][c] *= s[c];
            }
        }
        return m;
    }

    public static double[][] invert(double[][] m) {
        double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        double[][] inv = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                int r1 = (c + 1) % 3;
                int r2 = (c + 2) % 3;
                int c1 = (r + 1) % 3;
                int c2 = (r + 2) % 3;
                inv[r][c] = (m[r1][c1] * m[r2][c2] - m[r1][c2] * m[r2][c1]) / det;
            }
        }
        return inv;
    }

    public static double[] apply(double[][] m, double[] v) {
        return new double[] {
            m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
            m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
            m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2],
        };
    }

    public static double[][] multiply(double[][] a, double[][] b) {
        double[][] out = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                out[r][c] = a[r][0] * b[0][c] + a[r][1] * b[1][c] + a[r][2] * b[2][c];
            }
        }
        return out;
    }

    private static double[][] adaptD65ToD50() {
        double[] d65 = {D65[0] / D65[1], 1, (1 - D65[0] - D65[1]) / D65[1]};
        double[] from = apply(BRADFORD, d65);
        double[] to = apply(BRADFORD, D50_XYZ);
        double[][] scale = {{to[0] / from[0], 0, 0}, {0, to[1] / from[1], 0}, {0, 0, to[2] / from[2]}};
        return multiply(invert(BRADFORD), multiply(scale, BRADFORD));
    }

    private static double[] column(double[][] m, int c) {
        return new double[] {m[0][c], m[1][c], m[2][c]};
    }

    private static byte[] xyz(double[] v) {
        return ByteBuffer.allocate(20).put(ascii("XYZ ")).putInt(0).putInt(s15f16(v[0])).putInt(s15f16(v[1])).putInt(s15f16(v[2])).array();
    }

    private static byte[] parametric(double[] c) {
        ByteBuffer b = ByteBuffer.allocate(32).put(ascii("para")).putInt(0).putShort((short) 3).putShort((short) 0);
        for (double v : c) {
            b.putInt(s15f16(v));
        }
        return b.array();
    }

    private static byte[] text(String s) {
        byte[] chars = (s + "\0").getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(8 + chars.length).put(ascii("text")).putInt(0).put(chars).array();
    }

    private static byte[] textDescription(String s) {
        byte[] chars = (s + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(12 + chars.length + 8 + 3 + 67);
        b.put(ascii("desc")).putInt(0).putInt(chars.length).put(chars).putInt(0).putInt(0).putShort((short) 0).put((byte) 0);
        return b.array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static int s15f16(double v) {
        return (int) Math.round(v * 65536);
    }
}
