package io.atelier.engine.planner;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * all-MiniLM-L6-v2 sentence embeddings (384 dimensions), run in process by ONNX Runtime from the
 * model bundled in the langchain4j jar. The session runs on one intra- and one inter-op thread so that
 * the same text always gives bit-identical vectors (a parallel reduction may sum in another order).
 */
public final class MiniLmEmbedder implements SentenceEmbedder {
    /** Which build of the model: the quantised one is a quarter of the size (see docs/engine.md for the comparison). */
    public enum Variant {
        QUANTISED("all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", "all-MiniLM-L6-v2-q"),
        FULL("all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json", "all-MiniLM-L6-v2");

        final String modelResource;
        final String tokenizerResource;
        final String label;

        Variant(String modelResource, String tokenizerResource, String label) {
            this.modelResource = modelResource;
            this.tokenizerResource = tokenizerResource;
            this.label = label;
        }
    }

    private final Model model;
    private final Variant variant;

    public MiniLmEmbedder(Variant variant) {
        this.variant = variant;
        pointNativeCacheSomewhereWritable();
        this.model = new Model(load(variant));
    }

    @Override
    public float[] embed(String text) {
        float[] v = model.embedAll(List.of(TextSegment.from(text))).content().get(0).vector();
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = (float) (1 / Math.sqrt(Math.max(norm, 1e-12)));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    @Override
    public String model() {
        return variant.label;
    }

    // DJL extracts its native tokenizer under ~/.djl.ai; a container whose home is read-only (or absent)
    // would fail on first use, so without an explicit DJL_CACHE_DIR the cache goes to the temp directory.
    private static void pointNativeCacheSomewhereWritable() {
        if (System.getProperty("DJL_CACHE_DIR") != null || System.getenv("DJL_CACHE_DIR") != null) {
            return;
        }
        Path home = Path.of(System.getProperty("user.home", "/"), ".djl.ai");
        boolean usable = Files.isDirectory(home) ? Files.isWritable(home) : Files.isWritable(home.getParent());
        if (!usable) {
            System.setProperty("DJL_CACHE_DIR", Path.of(System.getProperty("java.io.tmpdir"), "atelier-djl").toString());
        }
    }

    private static OnnxBertBiEncoder load(Variant variant) {
        ClassLoader loader = MiniLmEmbedder.class.getClassLoader();
        try (InputStream modelBytes = loader.getResourceAsStream(variant.modelResource);
                InputStream tokenizer = loader.getResourceAsStream(variant.tokenizerResource)) {
            if (modelBytes == null || tokenizer == null) {
                throw new IllegalStateException("the " + variant.label + " model is not on the class path");
            }
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            OrtSession session = env.createSession(modelBytes.readAllBytes(), options);
            return new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot start the " + variant.label + " model", e);
        }
    }

    /** The langchain4j wrapper around our own session, run on the calling thread. */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return 384;
        }
    }
}
