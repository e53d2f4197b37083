package io.atelier.engine.measure;

/** Order statistics without sorting: the measures need a few ranks of ~70 000 values, not their order. */
final class Ranks {
    private Ranks() {
    }

    /**
     * The value a sort would put at {@code rank}, found by partitioning in place (Hoare's selection) rather than sorting
     * the whole array: O(n) on average. The values must not be NaN; their order is changed.
     */
    static double kth(double[] values, int rank) {
        int lo = 0;
        int hi = values.length - 1;
        while (lo < hi) {
            double pivot = medianOfThree(values[lo], values[(lo + hi) >>> 1], values[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = values[i];
                    values[i++] = values[j];
                    values[j--] = t;
                }
            }
            if (rank <= j) {
                hi = j;
            } else if (rank >= i) {
                lo = i;
            } else {
                return values[rank]; // between the two halves: equal to the pivot
            }
        }
        return values[rank];
    }

    private static double medianOfThree(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

}
