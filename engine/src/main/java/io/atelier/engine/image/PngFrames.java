package io.atelier.engine.image;

import io.atelier.imaging.PlainPng;
import io.atelier.imaging.RejectedImageException;
import io.atelier.imaging.StreamedPng;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;

/**
 * Reads a {@link PlainPng} straight into a linear frame, row by row, through the same sRGB-to-linear table as
 * {@link LinearImage#from}: the same frame as the full decoder's path, without its 8-bit copy of the picture (at
 * 50 MP, ~200 MB of heap beside the frame).
 */
public final class PngFrames {
    private PngFrames() {
    }

    public static LinearImage decode(byte[] bytes, PlainPng png) throws RejectedImageException {
        LinearImage out = new LinearImage(png.width(), png.height(), png.alpha());
        try (Batches rows = new Batches(out, png.rowBytes())) {
            png.readRows(bytes, rows);
            rows.finish();
        }
        return out;
    }

    /**
     * The frame of a PNG read as it streams in, or empty if the end of the file sends it to the full decoder after all
     * (see {@link StreamedPng#readRows}).
     */
    public static Optional<LinearImage> decode(StreamedPng streamed) throws IOException, RejectedImageException {
        PlainPng png = streamed.png();
        LinearImage out = new LinearImage(png.width(), png.height(), png.alpha());
        try (Batches rows = new Batches(out, png.rowBytes())) {
            boolean plain = streamed.readRows(rows);
            rows.finish();
            return plain ? Optional.of(out) : Optional.empty();
        }
    }

    /**
     * Hands rows, a batch at a time, to another core to be turned into linear light while the next are inflated:
     * inflating is one thread's work, and the conversion was ~30 % of a decode. Converting one row touches only that
     * row of the frame, so the frame is the same whichever thread converts it.
     */
    private static final class Batches implements PlainPng.RowSink, AutoCloseable {
        private static final int BATCH_BYTES = 1 << 20;
        private static final int MAX_IN_FLIGHT = 2;

        private final LinearImage out;
        private final int rowBytes;
        private final int rowsPerBatch;
        private final ArrayDeque<CompletableFuture<byte[]>> inFlight = new ArrayDeque<>();
        private final ArrayDeque<byte[]> spare = new ArrayDeque<>();
        private byte[] batch;
        private int firstRow;
        private int count;

        Batches(LinearImage out, int rowBytes) {
            this.out = out;
            this.rowBytes = rowBytes;
            this.rowsPerBatch = Math.max(1, Math.min(out.height(), BATCH_BYTES / rowBytes));
        }

        @Override
        public void row(int y, byte[] row) {
            if (batch == null) {
                batch = nextBuffer();
                firstRow = y;
                count = 0;
            }
            System.arraycopy(row, 0, batch, count * rowBytes, rowBytes);
            if (++count == rowsPerBatch) {
                submit();
            }
        }

        /** Converts what is left and waits until every row is in the frame. */
        void finish() {
            if (batch != null) {
                submit();
            }
            while (!inFlight.isEmpty()) {
                inFlight.poll().join();
            }
        }

        // after a failure, no conversion may still be writing into the frame once the decode has returned
        @Override
        public void close() {
            while (!inFlight.isEmpty()) {
                try {
                    inFlight.poll().join();
                } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException ignored) {
                    // the decode's own failure is the one reported
                }
            }
        }

        private void submit() {
            byte[] rows = batch;
            int y0 = firstRow;
            int n = count;
            batch = null;
            inFlight.add(CompletableFuture.supplyAsync(() -> {
                for (int k = 0; k < n; k++) {
                    convert(out, y0 + k, rows, k * rowBytes);
                }
                return rows;
            }, ForkJoinPool.commonPool())); // named: on two cores CompletableFuture would start a thread per batch
        }

        private byte[] nextBuffer() {
            if (inFlight.size() >= MAX_IN_FLIGHT) {
                spare.add(inFlight.poll().join());
            }
            return spare.isEmpty() ? new byte[rowsPerBatch * rowBytes] : spare.poll();
        }
    }

    // Row y of the frame from 8-bit interleaved R, G, B (and A) at row[from].
    private static void convert(LinearImage out, int y, byte[] row, int from) {
        int width = out.width();
        float[] r = out.r;
        float[] g = out.g;
        float[] b = out.b;
        int i = y * width;
        if (out.hasAlpha()) {
            byte[] a = out.alpha;
            for (int in = from, end = i + width; i < end; i++, in += 4) {
                r[i] = Srgb.toLinear(row[in]);
                g[i] = Srgb.toLinear(row[in + 1]);
                b[i] = Srgb.toLinear(row[in + 2]);
                a[i] = row[in + 3];
            }
        } else {
            for (int in = from, end = i + width; i < end; i++, in += 3) {
                r[i] = Srgb.toLinear(row[in]);
                g[i] = Srgb.toLinear(row[in + 1]);
                b[i] = Srgb.toLinear(row[in + 2]);
            }
        }
    }
}
