package io.atelier.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A cancel interrupts the thread rendering its step, and only while it renders it; a step not begun is skipped. */
class CancellationsTest {
    @Test
    void aRunningRenderIsInterruptedAndToldItWasCancelled() throws Exception {
        Cancellations cancellations = new Cancellations();
        UUID step = UUID.randomUUID();
        CountDownLatch rendering = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean toldCancelled = new AtomicBoolean();
        AtomicBoolean clearAfter = new AtomicBoolean();
        Thread render = Thread.ofVirtual().start(() -> {
            assertThat(cancellations.begin(step)).isTrue();
            rendering.countDown();
            try {
                Thread.sleep(30_000); // a provider call
            } catch (InterruptedException e) {
                interrupted.set(true);
                Thread.currentThread().interrupt(); // as the adapters do
            }
            toldCancelled.set(cancellations.end(step));
            clearAfter.set(!Thread.currentThread().isInterrupted());
        });
        assertThat(rendering.await(5, TimeUnit.SECONDS)).isTrue();
        cancellations.cancel(step);
        render.join(5_000);
        assertThat(interrupted).isTrue();
        assertThat(toldCancelled).isTrue();
        assertThat(clearAfter).as("the interrupt does not outlive the step").isTrue();
        assertThat(cancellations.running()).isZero();
    }

    @Test
    void aStepCancelledBeforeItsTurnIsSkippedAndOthersAreUntouched() {
        Cancellations cancellations = new Cancellations();
        UUID cancelled = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        cancellations.cancel(cancelled);
        assertThat(cancellations.begin(cancelled)).isFalse();
        assertThat(cancellations.begin(other)).isTrue();
        assertThat(cancellations.end(other)).isFalse();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aCancelAfterTheRenderEndedInterruptsNobody() {
        Cancellations cancellations = new Cancellations();
        UUID step = UUID.randomUUID();
        assertThat(cancellations.begin(step)).isTrue();
        assertThat(cancellations.end(step)).isFalse();
        cancellations.cancel(step);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
