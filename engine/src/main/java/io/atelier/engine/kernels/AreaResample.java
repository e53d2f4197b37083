package io.atelier.engine.kernels;

import java.util.stream.IntStream;

/**
 * Shrinks a plane by area averaging, in Java: each output pixel is the mean of the input area it covers, partly
 * covered input pixels counting by the part covered. Separable (rows, then columns) and parallel over lines, so a
 * whole-photo resize needs neither OpenCV's native start-up nor a native copy of the frame.
 */
public final class AreaResample {
    private AreaResample() {
    }

    /** The plane of {@code width} × {@code height} averaged down to {@code newWidth} × {@code newHeight} (each no larger). */
    public static float[] shrink(float[] plane, int width, int height, int newWidth, int newHeight) {
        if (newWidth > width || newHeight > height || newWidth <= 0 || newHeight <= 0) {
            throw new IllegalArgumentException("area averaging only shrinks");
        }
        Weights across = Weights.of(width, newWidth);
        Weights down = Weights.of(height, newHeight);
        float[] out = new float[newWidth * newHeight];
        // In bands of output rows, each shrinking across only the input rows it covers: the rows shrunk across for the
        // whole plane at once were newWidth × height floats, 47 MB for a 50 MP frame's 2048-px preview, per plane.
        // Every output row is still the same sums in the same order, so the result is the same bits.
        int band = Math.max(1, Math.min(BAND_ROWS, Math.ceilDiv(newHeight, 8)));
        IntStream.range(0, Math.ceilDiv(newHeight, band)).parallel().forEach(b -> {
            int from = b * band;
            int to = Math.min(newHeight, from + band);
            int firstRow = down.first[from];
            int endRow = down.first[to - 1] + down.weights[to - 1].length;
            float[] rows = new float[newWidth * (endRow - firstRow)];
            for (int y = firstRow; y < endRow; y++) {
                across.apply(plane, y * width, 1, rows, (y - firstRow) * newWidth, 1);
            }
            // down the columns a whole row at a time: the same sums in the same order as column by column, read in
            // memory order (a column walk reads one float from each 64-byte line and was most of a resize's time)
            for (int o = from; o < to; o++) {
                down.applyToRow(rows, firstRow, newWidth, out, o);
            }
        });
        return out;
    }

    // output rows per band: a 50 MP frame's 2048-px preview then shrinks ~140 input rows at a time (~1 MB)
    private static final int BAND_ROWS = 32;

    /** For each output sample, the first input sample it covers and the weights of the covered run (summing to 1). */
    private record Weights(int[] first, float[][] weights) {
        static Weights of(int size, int newSize) {
            double scale = size / (double) newSize;
            int[] first = new int[newSize];
            float[][] weights = new float[newSize][];
            for (int o = 0; o < newSize; o++) {
                double start = o * scale;
                double end = Math.min(size, (o + 1) * scale);
                int from = (int) Math.floor(start);
                int to = Math.min(size, (int) Math.ceil(end));
                float[] w = new float[to - from];
                for (int i = from; i < to; i++) {
                    w[i - from] = (float) ((Math.min(end, i + 1) - Math.max(start, i)) / (end - start));
                }
                first[o] = from;
                weights[o] = w;
            }
            return new Weights(first, weights);
        }

        /**
         * Output row {@code o} of rows {@code length} long, from {@code in} holding input rows from {@code firstRow} on:
         * each covered input row, weighted, added in order into {@code out} (zero there).
         */
        void applyToRow(float[] in, int firstRow, int length, float[] out, int o) {
            float[] w = weights[o];
            int to = o * length;
            for (int k = 0; k < w.length; k++) {
                float weight = w[k];
                int from = (first[o] + k - firstRow) * length;
                for (int x = 0; x < length; x++) {
                    out[to + x] += weight * in[from + x];
                }
            }
        }

        void apply(float[] in, int inStart, int inStep, float[] out, int outStart, int outStep) {
            for (int o = 0; o < first.length; o++) {
                float[] w = weights[o];
                int at = inStart + first[o] * inStep;
                float sum = 0;
                for (int k = 0; k < w.length; k++, at += inStep) {
                    sum += w[k] * in[at];
                }
                out[outStart + o * outStep] = sum;
            }
        }
    }
}
