package io.atelier.worker;

import io.atelier.engine.generative.Generation;
import io.atelier.engine.generative.GenerationRequest;
import io.atelier.engine.generative.GenerativeEngine;
import io.atelier.engine.generative.Size;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The configured generative engine, telling whoever renders on the calling thread that a provider call is starting
 * (the render loop turns that into GenerationStarted). The engine calls its provider on the thread that renders the
 * step, so a thread-local listener ties the call to its step without the engine knowing about steps.
 */
final class WatchedEngine implements GenerativeEngine {
    private static final ThreadLocal<Consumer<String>> LISTENER = new ThreadLocal<>();
    private final GenerativeEngine engine;

    WatchedEngine(GenerativeEngine engine) {
        this.engine = engine;
    }

    /** Runs {@code work} with {@code onCall} told the provider's name before each provider call it makes. */
    static <T> T watching(Consumer<String> onCall, Supplier<T> work) {
        Consumer<String> outer = LISTENER.get();
        LISTENER.set(onCall);
        try {
            return work.get();
        } finally {
            LISTENER.set(outer);
        }
    }

    @Override
    public String provider() {
        return engine.provider();
    }

    @Override
    public List<Size> acceptedSizes() {
        return engine.acceptedSizes();
    }

    @Override
    public Generation generate(GenerationRequest request) {
        Consumer<String> listener = LISTENER.get();
        if (listener != null) {
            listener.accept(engine.provider());
        }
        return engine.generate(request);
    }
}
