package io.atelier.platform.health;

import io.atelier.platform.kafka.ConsumerLoop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while every consumer loop of the service has a running thread: a loop that halted on a record
 * it must not skip, or whose thread died, makes the process report down, so it is seen and restarted.
 */
@Liveness
@ApplicationScoped
public class ConsumerLoopsLiveness implements HealthCheck {
    private final Instance<ConsumerLoop> loops;

    public ConsumerLoopsLiveness(@Any Instance<ConsumerLoop> loops) {
        this.loops = loops;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("consumer-loops").up();
        for (ConsumerLoop loop : loops) {
            String state = loop.halted().map(reason -> "halted: " + reason)
                    .orElse(loop.isAlive() ? "running" + (loop.consecutiveFailures() > 0 ? ", failing " + loop.consecutiveFailures() + " times in a row" : "")
                            : "stopped");
            response.withData(loop.loopName(), state);
            if (!loop.isAlive() || loop.halted().isPresent()) {
                response.down();
            }
        }
        return response.build();
    }
}
