package io.atelier.engine.measure;

import io.atelier.engine.plan.Rgb;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The main colours of an image: k-means in CIELAB, seeded deterministically from lightness quantiles
 * so the same pixels always give the same colours (a random seed would make drift figures flicker).
 */
public final class DominantColours {
    private static final int ITERATIONS = 12;

    private DominantColours() {
    }

    /** Up to {@code k} colours of the given L*a*b* pixels (three values per pixel), largest share first. */
    public static List<DominantColour> of(float[] lab, int k) {
        int n = lab.length / 3;
        if (n == 0) {
            return List.of();
        }
        k = Math.min(k, n);
        double[] centres = seeds(lab, n, k);
        int[] label = new int[n];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] sum = new double[3 * k];
            int[] count = new int[k];
            boolean moved = iteration == 0;
            for (int i = 0; i < n; i++) {
                int best = nearest(centres, k, lab[3 * i], lab[3 * i + 1], lab[3 * i + 2]);
                moved |= label[i] != best;
                label[i] = best;
                sum[3 * best] += lab[3 * i];
                sum[3 * best + 1] += lab[3 * i + 1];
                sum[3 * best + 2] += lab[3 * i + 2];
                count[best]++;
            }
            if (!moved) {
                break; // no pixel changed cluster: the centres below would come out as they are, and so would every later round
            }
            for (int c = 0; c < k; c++) {
                if (count[c] > 0) {
                    centres[3 * c] = sum[3 * c] / count[c];
                    centres[3 * c + 1] = sum[3 * c + 1] / count[c];
                    centres[3 * c + 2] = sum[3 * c + 2] / count[c];
                }
            }
        }
        int[] count = new int[k];
        for (int l : label) {
            count[l]++;
        }
        List<DominantColour> colours = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (count[c] > 0) {
                colours.add(new DominantColour(toRgb(centres[3 * c], centres[3 * c + 1], centres[3 * c + 2]), (double) count[c] / n));
            }
        }
        colours.sort(Comparator.comparingDouble(DominantColour::share).reversed());
        return List.copyOf(colours);
    }

    /**
     * Share-weighted mean ΔE76 from each dominant colour to the nearest colour of a palette: how far an
     * image's main colours sit from a brand's. Zero for an empty palette (nothing to be far from).
     */
    public static double distanceToPalette(List<DominantColour> colours, List<Rgb> palette) {
        if (palette.isEmpty() || colours.isEmpty()) {
            return 0;
        }
        double sum = 0;
        double shares = 0;
        for (DominantColour colour : colours) {
            double[] lab = Cielab.fromRgb(packed(colour.colour()));
            double best = Double.MAX_VALUE;
            for (Rgb p : palette) {
                best = Math.min(best, Cielab.deltaE76(lab, Cielab.fromRgb(packed(p))));
            }
            sum += best * colour.share();
            shares += colour.share();
        }
        return sum / shares;
    }

    // Seeds at evenly spaced lightness quantiles: spread over the tonal range, no randomness. A seed is the pixel a stable
    // sort by lightness puts at its rank (ties by position), found without sorting: the lightness at that rank, then,
    // among the pixels of that lightness, the one at the rank's remaining offset in image order.
    private static double[] seeds(float[] lab, int n, int k) {
        double[] keys = new double[n];
        for (int i = 0; i < n; i++) {
            keys[i] = sortable(lab[3 * i]); // exact as a double; ordered as Float.compare orders the values
        }
        double[] scratch = keys.clone();
        double[] centres = new double[3 * k];
        for (int c = 0; c < k; c++) {
            int rank = (int) ((c + 0.5) * n / k);
            double key = Ranks.kth(scratch, rank);
            int offset = rank;
            for (double v : keys) {
                if (v < key) {
                    offset--; // left: how many pixels of this lightness come before the seed
                }
            }
            int i = 0;
            while (keys[i] != key || offset-- > 0) {
                i++;
            }
            centres[3 * c] = lab[3 * i];
            centres[3 * c + 1] = lab[3 * i + 1];
            centres[3 * c + 2] = lab[3 * i + 2];
        }
        return centres;
    }

    // An int whose signed order is Float.compare's order of the values (negative zero below zero, NaN on top).
    private static int sortable(float value) {
        int bits = Float.floatToIntBits(value);
        return bits < 0 ? bits ^ 0x7FFFFFFF : bits;
    }

    private static int nearest(double[] centres, int k, double l, double a, double b) {
        int best = 0;
        double bestD = Double.MAX_VALUE;
        for (int c = 0; c < k; c++) {
            double dl = l - centres[3 * c];
            double da = a - centres[3 * c + 1];
            double db = b - centres[3 * c + 2];
            double d = dl * dl + da * da + db * db;
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }

    private static Rgb toRgb(double l, double a, double b) {
        double[] lin = Cielab.toLinear(l, a, b);
        return new Rgb(channel(lin[0]), channel(lin[1]), channel(lin[2]));
    }

    private static int channel(double linear) {
        return io.atelier.engine.image.Srgb.toSrgb8((float) Math.max(0, Math.min(1, linear)));
    }

    private static int packed(Rgb c) {
        return c.red() << 16 | c.green() << 8 | c.blue();
    }
}
