package io.atelier.engine.kernels;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT_101;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.nio.ByteBuffer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_quality.QualitySSIM;

/**
 * The one place that calls OpenCV: separable filters, resampling, warps, template matching and SSIM
 * on single float planes, and GrabCut. Java arrays go in and come out. Native buffers are reused per thread (up to 64 MiB
 * each): on this kind of VM first-touching fresh native pages costs more than the kernels themselves.
 */
public final class Kernels {
    /** From this σ up, the recursive Gaussian is faster than OpenCV's convolution (see docs/benchmarks.md). */
    static final double RECURSIVE_FROM_SIGMA = 3;
    private static final long SCRATCH_CAP = 16L << 20; // floats
    private static final ThreadLocal<FloatPointer[]> SCRATCH = ThreadLocal.withInitial(() -> new FloatPointer[2]);

    private Kernels() {
    }

    /**
     * Gaussian blur of one plane, edges reflected (no dark border): an exact ±3σ convolution below
     * σ = 3, the recursive filter from there (within 3% of the height of a hard edge, far less on
     * smooth content; see RecursiveGaussianTest).
     */
    public static float[] gaussian(float[] plane, int width, int height, double sigma) {
        if (sigma <= 0.01) {
            return plane.clone();
        }
        if (sigma >= RECURSIVE_FROM_SIGMA) {
            return RecursiveGaussian.blur(plane, width, height, sigma);
        }
        return convolveGaussian(plane, width, height, sigma);
    }

    /**
     * The same values as {@link #gaussian}, written over {@code plane}, which the caller owns: from σ = 3 with no
     * second plane; below it (small kernels, the convolution needs its source intact) through one temporary plane.
     */
    public static void gaussianInPlace(float[] plane, int width, int height, double sigma) {
        if (sigma <= 0.01) {
            return;
        }
        if (sigma >= RECURSIVE_FROM_SIGMA) {
            RecursiveGaussian.blurInPlace(plane, width, height, sigma);
            return;
        }
        float[] blurred = convolveGaussian(plane, width, height, sigma);
        System.arraycopy(blurred, 0, plane, 0, plane.length);
    }

    /** OpenCV's Gaussian convolution with a ±3σ kernel, at any σ (the benchmark's reference). */
    public static float[] convolveGaussian(float[] plane, int width, int height, double sigma) {
        int k = 2 * (int) Math.ceil(3 * sigma) + 1;
        FloatPointer in = input(plane, width, height);
        FloatPointer out = scratch(1, (long) width * height);
        try (PointerScope scope = new PointerScope()) {
            Mat src = new Mat(height, width, CV_32F, in);
            Mat dst = new Mat(height, width, CV_32F, out);
            opencv_imgproc.GaussianBlur(src, dst, new Size(k, k), sigma, sigma, BORDER_REFLECT_101, 0 /* ALGO_HINT_DEFAULT */);
            return read(out, width * height);
        } finally {
            release(in, 0);
            release(out, 1);
        }
    }

    /** Box (area-average) resample of one plane: the right filter for shrinking. */
    public static float[] resizeArea(float[] plane, int width, int height, int newWidth, int newHeight) {
        return resize(plane, width, height, newWidth, newHeight, opencv_imgproc.INTER_AREA);
    }

    /** Bilinear resample of one plane: for enlarging soft things such as masks. */
    public static float[] resizeLinear(float[] plane, int width, int height, int newWidth, int newHeight) {
        return resize(plane, width, height, newWidth, newHeight, opencv_imgproc.INTER_LINEAR);
    }

    private static float[] resize(float[] plane, int width, int height, int newWidth, int newHeight, int interpolation) {
        FloatPointer in = input(plane, width, height);
        FloatPointer out = scratch(1, (long) newWidth * newHeight);
        try (PointerScope scope = new PointerScope()) {
            Mat src = new Mat(height, width, CV_32F, in);
            Mat dst = new Mat(newHeight, newWidth, CV_32F, out);
            opencv_imgproc.resize(src, dst, new Size(newWidth, newHeight), 0, 0, interpolation);
            return read(out, newWidth * newHeight);
        } finally {
            release(in, 0);
            release(out, 1);
        }
    }

    /**
     * Mean structural similarity (Wang et al. 2004; OpenCV's quality module: Gaussian 11×11 window,
     * σ 1.5, constants for an 8-bit range) of two same-sized planes valued 0–255: 1 when identical.
     */
    public static double ssim(float[] a, float[] b, int width, int height) {
        if (b.length != a.length) {
            throw new IllegalArgumentException("planes differ in size");
        }
        FloatPointer pa = input(a, width, height);
        FloatPointer pb = scratch(1, b.length);
        pb.position(0).put(b);
        try (PointerScope scope = new PointerScope()) {
            Mat ma = new Mat(height, width, CV_32F, pa);
            Mat mb = new Mat(height, width, CV_32F, pb.position(0));
            return QualitySSIM.compute(ma, mb, new Mat()).get(0);
        } finally {
            release(pa, 0);
            release(pb, 1);
        }
    }

    /**
     * Where a smaller plane best fits inside a larger one (normalised cross-correlation, OpenCV's
     * TM_CCOEFF_NORMED): {x, y, score}, x and y to a fraction of a pixel, score in −1…1 (1 for an exact window).
     */
    public static double[] locate(float[] plane, int width, int height, float[] template, int templateWidth, int templateHeight) {
        if (templateWidth > width || templateHeight > height) {
            throw new IllegalArgumentException("template larger than the image");
        }
        FloatPointer in = input(plane, width, height);
        FloatPointer t = scratch(1, template.length);
        t.position(0).put(template);
        try (PointerScope scope = new PointerScope()) {
            Mat image = new Mat(height, width, CV_32F, in);
            Mat templ = new Mat(templateHeight, templateWidth, CV_32F, t.position(0));
            Mat result = new Mat();
            opencv_imgproc.matchTemplate(image, templ, result, opencv_imgproc.TM_CCOEFF_NORMED);
            org.bytedeco.javacpp.DoublePointer max = new org.bytedeco.javacpp.DoublePointer(1);
            org.bytedeco.opencv.opencv_core.Point at = new org.bytedeco.opencv.opencv_core.Point();
            opencv_core.minMaxLoc(result, null, max, null, at, null);
            // the peak's sub-pixel position: a parabola through it and its neighbours on each axis
            org.bytedeco.javacpp.indexer.FloatIndexer r = result.createIndexer();
            int x = at.x();
            int y = at.y();
            double dx = x > 0 && x < result.cols() - 1 ? vertex(r.get(y, x - 1), r.get(y, x), r.get(y, x + 1)) : 0;
            double dy = y > 0 && y < result.rows() - 1 ? vertex(r.get(y - 1, x), r.get(y, x), r.get(y + 1, x)) : 0;
            return new double[] {x + dx, y + dy, max.get()};
        } finally {
            release(in, 0);
            release(t, 1);
        }
    }

    /**
     * Affine warp of one plane with bicubic sampling: {@code matrix} maps output to input pixel
     * coordinates (x' = m0·x + m1·y + m2, y' = m3·x + m4·y + m5); outside the source reads as edge.
     */
    public static float[] warpAffine(float[] plane, int width, int height, double[] matrix, int newWidth, int newHeight) {
        FloatPointer in = input(plane, width, height);
        FloatPointer out = scratch(1, (long) newWidth * newHeight);
        try (PointerScope scope = new PointerScope()) {
            Mat src = new Mat(height, width, CV_32F, in);
            Mat dst = new Mat(newHeight, newWidth, CV_32F, out);
            Mat m = new Mat(2, 3, opencv_core.CV_64F);
            org.bytedeco.javacpp.indexer.DoubleIndexer ix = m.createIndexer();
            ix.put(0, 0, matrix[0]).put(0, 1, matrix[1]).put(0, 2, matrix[2]);
            ix.put(1, 0, matrix[3]).put(1, 1, matrix[4]).put(1, 2, matrix[5]);
            opencv_imgproc.warpAffine(src, dst, m, new Size(newWidth, newHeight),
                    opencv_imgproc.INTER_CUBIC | opencv_imgproc.WARP_INVERSE_MAP, opencv_core.BORDER_REPLICATE, new Scalar());
            return read(out, newWidth * newHeight);
        } finally {
            release(in, 0);
            release(out, 1);
        }
    }

    /**
     * GrabCut segmentation of an 8-bit interleaved RGB image, initialised with everything outside
     * {@code rect} (x, y, w, h) as background. Returns 1 for (probable) foreground, 0 otherwise.
     * OpenCV seeds its k-means from a per-thread generator, so it is reseeded first: same input, same mask.
     */
    public static byte[] grabCut(byte[] rgb, int width, int height, int[] rect, int iterations) {
        try (PointerScope scope = new PointerScope()) {
            Mat img = new Mat(height, width, CV_8UC3, new BytePointer(rgb));
            Mat mask = new Mat(height, width, CV_8UC1, new Scalar(0.0));
            Mat bgd = new Mat();
            Mat fgd = new Mat();
            opencv_core.setRNGSeed(0x5eed);
            opencv_imgproc.grabCut(img, mask, new Rect(rect[0], rect[1], rect[2], rect[3]), bgd, fgd, iterations,
                    opencv_imgproc.GC_INIT_WITH_RECT);
            byte[] labels = new byte[width * height];
            ByteBuffer buffer = mask.createBuffer();
            buffer.get(labels);
            for (int i = 0; i < labels.length; i++) {
                labels[i] = (byte) (labels[i] == opencv_imgproc.GC_FGD || labels[i] == opencv_imgproc.GC_PR_FGD ? 1 : 0);
            }
            return labels;
        }
    }

    private static double vertex(double left, double centre, double right) {
        double curvature = left - 2 * centre + right;
        return curvature >= 0 ? 0 : Math.max(-0.5, Math.min(0.5, 0.5 * (left - right) / curvature));
    }

    private static FloatPointer input(float[] plane, int width, int height) {
        if (plane.length != width * height) {
            throw new IllegalArgumentException("plane has " + plane.length + " values, expected " + width + "×" + height);
        }
        FloatPointer p = scratch(0, plane.length);
        p.position(0).put(plane);
        return p;
    }

    // A reusable native buffer of at least n floats for this thread; larger ones are made per call.
    private static FloatPointer scratch(int slot, long n) {
        if (n > SCRATCH_CAP) {
            return new FloatPointer(n);
        }
        FloatPointer[] cache = SCRATCH.get();
        if (cache[slot] == null || cache[slot].capacity() < n) {
            if (cache[slot] != null) {
                cache[slot].close();
            }
            cache[slot] = new FloatPointer(Math.max(n, 1L << 20));
        }
        return cache[slot].position(0);
    }

    private static void release(FloatPointer p, int slot) {
        if (SCRATCH.get()[slot] != p) {
            p.close();
        }
    }

    private static float[] read(FloatPointer p, int n) {
        float[] out = new float[n];
        p.position(0).get(out);
        return out;
    }
}
