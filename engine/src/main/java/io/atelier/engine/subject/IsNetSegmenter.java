package io.atelier.engine.subject;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.image.Srgb;
import io.atelier.engine.kernels.Kernels;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Salient-object segmentation with IS-Net (Qin et al., "Highly Accurate Dichotomous Image
 * Segmentation", 2022) on ONNX Runtime, CPU. One session is loaded once and reused; two warm-up runs
 * happen at load; inferences are serialised (on two cores, parallel ones only thrash). The photo is
 * area-averaged to 1024×1024 (a plain stretch, as the model was trained), normalised as (v − 128) / 256
 * on 8-bit sRGB values, and only the {@code output} tensor (a sigmoid matte) is fetched; the matte is
 * scaled back bilinearly and used as a soft mask.
 */
public final class IsNetSegmenter implements SubjectDetector, AutoCloseable {
    static final int SIZE = 1024;
    private static final String INPUT = "input";
    private static final String OUTPUT = "output";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final String method;

    private IsNetSegmenter(OrtEnvironment environment, OrtSession session, String method) {
        this.environment = environment;
        this.session = session;
        this.method = method;
    }

    /** Loads the model and runs it twice on a blank image, so the first real request is not the slow one. */
    public static IsNetSegmenter load(Path model, String method) {
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(Math.max(1, Runtime.getRuntime().availableProcessors()));
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // no CPU arena and no memory pattern: both keep every activation buffer of the last run (over 2 GB for this
            // model) for the next; freeing and allocating them per run costs little beside a 1.5 s inference
            options.setCPUArenaAllocator(false);
            options.setMemoryPatternOptimization(false);
            IsNetSegmenter segmenter = new IsNetSegmenter(env, env.createSession(model.toString(), options), method);
            float[] blank = new float[3 * SIZE * SIZE];
            segmenter.infer(blank);
            segmenter.infer(blank);
            return segmenter;
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the segmentation model " + model + ": " + e.getMessage(), e);
        }
    }

    @Override
    public SubjectMatte detect(LinearImage image) {
        int w = image.width();
        int h = image.height();
        float[] input = new float[3 * SIZE * SIZE];
        for (int c = 0; c < 3; c++) {
            float[] encoded = new float[w * h];
            float[] linear = image.channel(c);
            for (int i = 0; i < encoded.length; i++) {
                encoded[i] = Srgb.toSrgb8(linear[i]);
            }
            float[] resized = Kernels.resizeArea(encoded, w, h, SIZE, SIZE);
            for (int i = 0; i < resized.length; i++) {
                input[c * SIZE * SIZE + i] = (resized[i] - 128f) / 256f;
            }
        }
        float[] matte = infer(input);
        float[] full = Kernels.resizeLinear(matte, SIZE, SIZE, w, h);
        for (int i = 0; i < full.length; i++) {
            float a = full[i];
            full[i] = a >= 0.995f ? 1f : a <= 0.005f ? 0f : a;
        }
        return new SubjectMatte(full, w, h, method);
    }

    // Serialised: one inference at a time uses both cores; two at once only compete for them.
    private synchronized float[] infer(float[] planarRgb) {
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(planarRgb), new long[] {1, 3, SIZE, SIZE});
             OrtSession.Result result = session.run(Map.of(INPUT, tensor), Set.of(OUTPUT))) {
            OnnxTensor out = (OnnxTensor) result.get(OUTPUT).orElseThrow();
            FloatBuffer buffer = out.getFloatBuffer();
            float[] matte = new float[SIZE * SIZE];
            buffer.get(matte);
            return matte;
        } catch (OrtException e) {
            throw new IllegalStateException("segmentation failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
