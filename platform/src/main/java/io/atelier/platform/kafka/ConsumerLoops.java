package io.atelier.platform.kafka;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

/** Starts every {@link ConsumerLoop} bean of a service when the application starts, and stops them when it stops. */
@ApplicationScoped
public class ConsumerLoops {
    private static final Logger LOG = Logger.getLogger(ConsumerLoops.class);

    void start(@Observes StartupEvent event, @Any Instance<ConsumerLoop> loops) {
        for (ConsumerLoop loop : loops) {
            loop.start();
        }
    }

    void stop(@Observes ShutdownEvent event, @Any Instance<ConsumerLoop> loops) {
        for (ConsumerLoop loop : loops) {
            try {
                loop.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("interrupted while stopping the consumer loops");
                return;
            }
        }
    }
}
