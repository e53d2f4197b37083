package io.atelier.worker;

import io.atelier.engine.generative.Generation;
import io.atelier.engine.generative.GenerationException;
import io.atelier.engine.generative.GenerationRequest;
import io.atelier.engine.generative.GenerativeEngine;
import io.atelier.engine.generative.Size;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * One worker's limits on concurrent rendering. The render loop keeps many sessions in flight; these permits decide
 * how many of them work at once: built-in steps hold a CPU permit (so a burst of 24 MP photos cannot decode side by
 * side and exhaust the heap), and a generative call holds one of its provider's permits instead, handing its CPU
 * permit back while it waits on the provider.
 */
public final class RenderPermits {
    private final int builtInLimit;
    private final Semaphore builtIn;
    private final Map<String, Integer> generativeLimits;
    // whether this thread holds a CPU permit now: a generative call inside a render lends it out while it waits
    private final ThreadLocal<Boolean> holding = ThreadLocal.withInitial(() -> false);

    public RenderPermits(int builtIn, Map<String, Integer> generativeByProvider) {
        if (builtIn < 1 || generativeByProvider.values().stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("every permit count must be at least 1: built-in " + builtIn + ", generative " + generativeByProvider);
        }
        this.builtInLimit = builtIn;
        this.builtIn = new Semaphore(builtIn, true);
        this.generativeLimits = Map.copyOf(generativeByProvider);
    }

    /** From the worker's settings: built-in defaults to the available processors. */
    public static RenderPermits from(PermitSettings s) {
        return new RenderPermits(s.builtIn().orElse(Runtime.getRuntime().availableProcessors()),
                Map.of("openai", s.openai(), "bfl", s.bfl(), "comfyui", s.comfyui()));
    }

    public int builtInLimit() {
        return builtInLimit;
    }

    /** The built-in permits taken right now (a gauge for operators). */
    public int builtInInUse() {
        return builtInLimit - builtIn.availablePermits();
    }

    /** The limit for a provider by its name; one not listed gets the OpenAI figure. */
    public int generativeLimit(String provider) {
        return generativeLimits.getOrDefault(provider, generativeLimits.getOrDefault("openai", 8));
    }

    /** Runs CPU-bound work under a built-in permit; work nested in work already holding one runs under it. */
    public <T> T builtIn(Supplier<T> work) {
        if (holding.get()) {
            return work.get();
        }
        try {
            builtIn.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a built-in render permit");
        }
        holding.set(true);
        try {
            return work.get();
        } finally {
            if (holding.get()) {
                holding.set(false);
                builtIn.release();
            }
        }
    }

    /** The engine, its calls limited to its provider's permits; a call made under a built-in permit lends that permit out while it waits. */
    public GenerativeEngine limit(GenerativeEngine engine) {
        return new Limited(engine, new Semaphore(generativeLimit(engine.provider()), true));
    }

    /** A generative engine whose calls wait for one of a fixed number of permits. */
    private final class Limited implements GenerativeEngine {
        private final GenerativeEngine engine;
        private final Semaphore slots;

        Limited(GenerativeEngine engine, Semaphore slots) {
            this.engine = engine;
            this.slots = slots;
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
        public Size closestSize(int width, int height) {
            return engine.closestSize(width, height);
        }

        @Override
        public Generation generate(GenerationRequest request) {
            boolean lent = holding.get();
            if (lent) {
                holding.set(false);
                builtIn.release();
            }
            try {
                try {
                    slots.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new GenerationException(GenerationException.Kind.UNAVAILABLE, "The wait for a free call to " + engine.provider()
                            + " was interrupted.", "Try the step again.", Optional.empty());
                }
                try {
                    return engine.generate(request);
                } finally {
                    slots.release();
                }
            } finally {
                if (lent) {
                    // back to CPU work on the answer; uninterruptible so the render's own permit accounting stays whole
                    builtIn.acquireUninterruptibly();
                    holding.set(true);
                }
            }
        }
    }
}
