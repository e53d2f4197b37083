package io.atelier.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RanksTest {

    @Test
    void theValueAtARankIsTheOneASortPutsThere() {
        java.util.Random random = new java.util.Random(11);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(trial < 100 ? 50 : 5_000);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = trial % 2 == 0 ? random.nextInt(7) : random.nextDouble() * 100; // many ties, or none
            }
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            int rank = random.nextInt(n);
            assertThat(Ranks.kth(values.clone(), rank)).as("trial %d, rank %d of %d", trial, rank, n).isEqualTo(sorted[rank]);
        }
    }
}
