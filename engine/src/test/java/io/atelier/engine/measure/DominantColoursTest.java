package io.atelier.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.engine.plan.Rgb;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The k-means colours against a plain reference: the primitive-sorted seeds, the early stop and the pixels left
 * unmeasured by Hamerly's bounds must change nothing.
 */
class DominantColoursTest {

    @Test
    void sameColoursAsAPlainStableSortAndTwelveFullRounds() {
        Random random = new Random(7);
        for (int trial = 0; trial < 60; trial++) {
            int n = 1 + random.nextInt(20_000);
            boolean coarse = trial % 2 == 0; // few distinct values: many ties in lightness, and clusters that settle early
            float[] lab = new float[3 * n];
            for (int i = 0; i < lab.length; i++) {
                lab[i] = coarse ? random.nextInt(12) * 8 - (i % 3 == 0 ? 0 : 40) : (float) (random.nextGaussian() * 25 + (i % 3 == 0 ? 50 : 0));
            }
            lab[0] = trial % 3 == 0 ? -0.0f : lab[0];
            assertThat(DominantColours.of(lab, 5)).as("trial %d, %d pixels", trial, n).isEqualTo(reference(lab, 5));
        }
    }

    @Test
    void sameColoursAsThePlainDefinitionOnAPhoto() {
        // a photo's pixels cluster, so most keep their centre between rounds without being measured
        java.awt.image.BufferedImage photo = io.atelier.engine.Photos.COFFEE;
        int n = photo.getWidth() * photo.getHeight();
        float[] lab = new float[3 * n];
        for (int i = 0; i < n; i++) {
            double[] p = Cielab.fromRgb(photo.getRGB(i % photo.getWidth(), i / photo.getWidth()));
            lab[3 * i] = (float) p[0];
            lab[3 * i + 1] = (float) p[1];
            lab[3 * i + 2] = (float) p[2];
        }
        for (int k = 1; k <= 8; k++) {
            assertThat(DominantColours.of(lab, k)).as("k = %d", k).isEqualTo(reference(lab, k));
        }
    }

    @Test
    void fewerPixelsThanColoursGiveOneColourPerPixel() {
        float[] lab = {50, 10, -10, 80, -20, 30};
        assertThat(DominantColours.of(lab, 5)).hasSize(2).extracting(DominantColour::share).containsExactly(0.5, 0.5);
    }

    // The definition, written plainly: seeds at lightness quantiles of a stable sort, then twelve rounds of Lloyd's k-means.
    private static List<DominantColour> reference(float[] lab, int k) {
        int n = lab.length / 3;
        k = Math.min(k, n);
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
        int[] label = new int[n];
        for (int round = 0; round < 12; round++) {
            double[][] sum = new double[k][3];
            int[] count = new int[k];
            for (int i = 0; i < n; i++) {
                int best = 0;
                double bestD = Double.MAX_VALUE;
                for (int c = 0; c < k; c++) {
                    double dl = lab[3 * i] - centres[c][0];
                    double da = lab[3 * i + 1] - centres[c][1];
                    double db = lab[3 * i + 2] - centres[c][2];
                    double d = dl * dl + da * da + db * db;
                    if (d < bestD) {
                        bestD = d;
                        best = c;
                    }
                }
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
                double[] lin = Cielab.toLinear(centres[c][0], centres[c][1], centres[c][2]);
                colours.add(new DominantColour(new Rgb(channel(lin[0]), channel(lin[1]), channel(lin[2])), (double) count[c] / n));
            }
        }
        colours.sort(Comparator.comparingDouble(DominantColour::share).reversed());
        return colours;
    }

    private static int channel(double linear) {
        return io.atelier.engine.image.Srgb.toSrgb8((float) Math.max(0, Math.min(1, linear)));
    }
}
