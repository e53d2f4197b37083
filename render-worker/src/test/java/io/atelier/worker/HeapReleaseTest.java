package io.atelier.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The heap is given back once after large renders, only when no render holds frame memory, and never for small ones. */
class HeapReleaseTest {
    @Test
    void aLargeReleaseCollectsOnceTheWorkerIsIdle() throws Exception {
        AtomicBoolean idle = new AtomicBoolean(false);
        CountDownLatch collected = new CountDownLatch(1);
        AtomicInteger collections = new AtomicInteger();
        HeapRelease release = new HeapRelease(1000, idle::get, () -> {
            collections.incrementAndGet();
            collected.countDown();
        }, Duration.ofMillis(50));

        release.released(999); // small: nothing to give back
        release.released(4000);
        release.released(4000); // a second large one while the first waits: still one collection
        assertThat(collected.await(400, TimeUnit.MILLISECONDS)).as("busy: no collection yet").isFalse();
        idle.set(true);
        assertThat(collected.await(5, TimeUnit.SECONDS)).as("collected once idle").isTrue();
        // one collection for both large releases: it stays at one through several more delays
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> collections.get() == 1);

        release.released(4000); // a later large render asks again
        await().atMost(Duration.ofSeconds(5)).until(() -> collections.get() == 2);
    }

    @Test
    void aLargeReservationGivesBackAHeapStillWaitingToBeGivenBackAtOnce() {
        AtomicBoolean idle = new AtomicBoolean(true);
        AtomicInteger collections = new AtomicInteger();
        HeapRelease release = new HeapRelease(1000, idle::get, collections::incrementAndGet, Duration.ofMillis(300));

        release.beforeReserving(4000); // nothing waits to be given back
        assertThat(collections).hasValue(0);
        release.released(4000);
        release.beforeReserving(999); // a small step does not need the room
        assertThat(collections).hasValue(0);
        idle.set(false);
        release.beforeReserving(4000); // another render holds frame memory: its heap is live, not to collect now
        assertThat(collections).hasValue(0);
        idle.set(true);
        release.beforeReserving(4000); // the next big step, within the delay: given back before it decodes
        assertThat(collections).hasValue(1);
        // and only once: the timer finds nothing left to give back
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).until(() -> collections.get() == 1);
    }
}
