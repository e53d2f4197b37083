package io.atelier.worker;

import io.atelier.engine.WarmUp;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Warms the engine in the background once the worker has started (io.atelier.engine.WarmUp): the built-in planner's
 * model, OpenCV's libraries and the JIT's first compilations are paid for before the first step rather than by it,
 * and readiness does not wait for them. Reported as the timer {@code atelier_worker_warm_up_seconds} and the counter
 * {@code atelier_worker_warm_up_failed_total} (instructions that did not render).
 */
@ApplicationScoped
class EngineWarmUp {
    private static final Logger LOG = Logger.getLogger(EngineWarmUp.class);

    void start(@Observes StartupEvent event, StepRenderer renderer, WorkerSettings settings, MeterRegistry metrics) {
        int rounds = settings.warmUpRounds();
        if (rounds <= 0) {
            return;
        }
        Thread.ofPlatform().name("engine-warm-up").daemon().start(() -> {
            try {
                WarmUp.Report report = renderer.warmUp(rounds);
                metrics.timer("atelier.worker.warm-up").record(report.took());
                metrics.counter("atelier.worker.warm-up.failed").increment(report.failed().size());
                if (report.failed().isEmpty()) {
                    LOG.infof("engine warmed up in %d ms (%d instructions, %d rounds)", report.took().toMillis(), report.rendered().size(), rounds);
                } else {
                    LOG.warnf("engine warm-up: %d of %d instructions did not render: %s", report.failed().size(),
                            WarmUp.INSTRUCTIONS.size(), report.failed());
                }
            } catch (RuntimeException | Error e) {
                // only the first steps are slower without it
                LOG.warnf(e, "engine warm-up failed");
            }
        });
    }
}
