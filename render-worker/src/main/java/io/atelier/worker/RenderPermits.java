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
    /**
     * Heap one pixel of a built-in render needs at its peak: a PNG parent's compressed bytes and 8-bit pixels beside the
     * float frame, ~22 bytes at 50 MP, with a margin (docs/deploy.md, Memory).
     */
    static final int BYTES_PER_PIXEL = 24;
    private final int builtInLimit;
    private final Semaphore builtIn;
    // the heap the frames of renders running at once may take, in KiB: two 50 MP photos queue instead of one failing
    private final int frameBudgetKiB;
    private final Semaphore frameMemory;
    private final Map<String, Integer> generativeLimits;
    // whether this thread holds a CPU permit now: a generative call inside a render lends it out while it waits
    private final ThreadLocal<Boolean> holding = ThreadLocal.withInitial(() -> false);
    private final HeapRelease heapRelease;

    public RenderPermits(int builtIn, Map<String, Integer> generativeByProvider) {
        this(builtIn, generativeByProvider, Runtime.getRuntime().maxMemory() / 10 * 9);
    }

    /** {@code frameBudgetBytes}: the heap that the frames of built-in renders running at once may take together. */
    public RenderPermits(int builtIn, Map<String, Integer> generativeByProvider, long frameBudgetBytes) {
        if (builtIn < 1 || generativeByProvider.values().stream().anyMatch(n -> n < 1) || frameBudgetBytes < 1024) {
            throw new IllegalArgumentException("every permit count must be at least 1 and the frame budget at least 1 KiB: built-in "
                    + builtIn + ", generative " + generativeByProvider + ", frames " + frameBudgetBytes + " bytes");
        }
        this.builtInLimit = builtIn;
        this.builtIn = new Semaphore(builtIn, true);
        this.frameBudgetKiB = (int) Math.min(Integer.MAX_VALUE, frameBudgetBytes / 1024);
        this.frameMemory = new Semaphore(frameBudgetKiB, true);
        this.generativeLimits = Map.copyOf(generativeByProvider);
        // a quarter of the budget: a 24 MP render in the worker's heap, not the small steps of a busy day
        this.heapRelease = new HeapRelease(frameBudgetKiB / 4, () -> frameMemory.availablePermits() == frameBudgetKiB, System::gc,
                HeapRelease.DELAY);
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

    /**
     * Runs a built-in render of a photo of {@code pixels} pixels under a permit and its share of the frame budget: renders
     * whose frames would not fit the heap together wait for each other instead of failing for lack of memory (a photo
     * larger than the whole budget waits to run alone). Nested in work already holding a permit, it runs under that.
     */
    public <T> T builtIn(long pixels, Supplier<T> work) {
        if (holding.get()) {
            return work.get();
        }
        long bytes = pixels > Long.MAX_VALUE / BYTES_PER_PIXEL ? Long.MAX_VALUE : Math.max(0, pixels) * BYTES_PER_PIXEL;
        int kib = (int) Math.max(1, Math.min(frameBudgetKiB, bytes / 1024));
        heapRelease.beforeReserving(kib);
        try {
            frameMemory.acquire(kib);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for memory to render in");
        }
        try {
            return builtIn(work);
        } finally {
            frameMemory.release(kib);
            heapRelease.released(kib);
        }
    }

    /** The frame budget taken right now, in MiB (a gauge for operators). */
    public long frameMemoryInUseMiB() {
        return (frameBudgetKiB - frameMemory.availablePermits()) / 1024L;
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
