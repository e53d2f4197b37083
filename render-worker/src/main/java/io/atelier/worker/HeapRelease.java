package io.atelier.worker;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Gives a big render's heap back to the operating system once the worker is idle. The serial collector keeps every page
 * of heap it has used and returns pages only when a full collection shrinks the heap: after one 50 MP render a worker
 * would otherwise sit at ~1.1 GiB resident while it waits for work, and the native buffer of the next JPEG decode would
 * come on top. So after a render whose frame took a large share of the heap, when no render has held frame memory
 * for {@link #DELAY}, one full collection runs (it has little live data to move by then; the worker's JVM runs
 * with -XX:-ShrinkHeapInSteps so that one collection shrinks the heap down to -Xms at once).
 */
final class HeapRelease {
    static final Duration DELAY = Duration.ofSeconds(2);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "heap-release");
        t.setDaemon(true);
        return t;
    });
    private final long largeKiB;
    private final BooleanSupplier idle;
    private final Runnable collect;
    private final Duration delay;
    private final AtomicBoolean pending = new AtomicBoolean();

    /**
     * @param largeKiB a frame reservation at least this large is worth giving back
     * @param idle whether no render holds frame memory now
     * @param collect the full collection (System::gc in the worker)
     */
    HeapRelease(long largeKiB, BooleanSupplier idle, Runnable collect, Duration delay) {
        this.largeKiB = largeKiB;
        this.idle = idle;
        this.collect = collect;
        this.delay = delay;
    }

    /** A render gave back a frame reservation of {@code kib}. */
    void released(long kib) {
        if (kib >= largeKiB && pending.compareAndSet(false, true)) {
            timer.schedule(this::collectIfIdle, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * A render is about to take a frame reservation of {@code kib}. If it is large and a big render's heap is still
     * waiting to be given back, it is given back now, while nothing holds frame memory: otherwise a step that follows a
     * big one within {@link #DELAY} decodes its JPEG (142 MiB of native pixels at 50 MP) on top of the whole grown heap,
     * which took a 50 MP worker to 1.1–1.16 GiB on back-to-back steps.
     */
    void beforeReserving(long kib) {
        if (kib >= largeKiB && idle.getAsBoolean() && pending.compareAndSet(true, false)) {
            collect.run();
        }
    }

    private void collectIfIdle() {
        if (!pending.get()) {
            return; // given back already, before a large reservation
        }
        if (!idle.getAsBoolean()) {
            // still busy: look again later, so the heap is given back after the last of a run of renders
            timer.schedule(this::collectIfIdle, delay.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        if (pending.compareAndSet(true, false)) {
            collect.run();
        }
    }
}
