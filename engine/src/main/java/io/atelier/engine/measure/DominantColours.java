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
        double[][] centres = seeds(lab, n, k);
        int[] label = new int[n];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[][] sum = new double[k][3];
            int[] count = new int[k];
            for (int i = 0; i < n; i++) {
                int best = nearest(centres, lab[3 * i], lab[3 * i + 1], lab[3 * i + 2]);
                label[i] = best;
                sum[best][0] += lab[3 * i];
                sum[best][1] += lab[3 * i + 1];
                sum[best][2] += lab[3 * i + 2];
                count[best]++;
            }
            for (int c = 0; c < k; c++) {
                if (count[c] > 0) {
                    centres[c] = new double[] {sum[c][0] / count[c], sum[c][1] / count[c], sum[c][2] / count[c]};
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
                colours.add(new DominantColour(toRgb(centres[c]), (double) count[c] / n));
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

    // Seeds at evenly spaced lightness quantiles: spread over the tonal range, no randomness.
    private static double[][] seeds(float[] lab, int n, int k) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> lab[3 * i]));
        double[][] centres = new double[k][];
        for (int c = 0; c < k; c++) {
            int i = order[(int) ((c + 0.5) * n / k)];
            centres[c] = new double[] {lab[3 * i], lab[3 * i + 1], lab[3 * i + 2]};
        }
        return centres;
    }

    private static int nearest(double[][] centres, double l, double a, double b) {
        int best = 0;
        double bestD = Double.MAX_VALUE;
        for (int c = 0; c < centres.length; c++) {
            double dl = l - centres[c][0];
            double da = a - centres[c][1];
            double db = b - centres[c][2];
            double d = dl * dl + da * da + db * db;
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }

    private static Rgb toRgb(double[] lab) {
        double[] lin = Cielab.toLinear(lab[0], lab[1], lab[2]);
        return new Rgb(channel(lin[0]), channel(lin[1]), channel(lin[2]));
    }

    private static int channel(double linear) {
        return io.atelier.engine.image.Srgb.toSrgb8((float) Math.max(0, Math.min(1, linear)));
    }

    private static int packed(Rgb c) {
        return c.red() << 16 | c.green() << 8 | c.blue();
    }
}
