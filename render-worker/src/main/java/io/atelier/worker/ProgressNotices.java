package io.atelier.worker;

import io.atelier.events.EventEnvelope;
import io.atelier.events.GenerationStarted;
import io.atelier.events.KafkaEvents;
import io.atelier.events.Topics;
import io.atelier.platform.kafka.KafkaClients;
import io.atelier.platform.kafka.KafkaSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.jboss.logging.Logger;

/**
 * Sends GenerationStarted to the outcome topic when a step's provider call begins, for session-service to put on the
 * session log while the step is pending. Best effort and outside the loop's transactions (render threads send it, and
 * the transactional producer belongs to the poll thread): a lost notice costs the studio its counter, never an outcome.
 * The send is awaited briefly so the notice is on the topic before the outcome that follows it.
 */
final class ProgressNotices implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ProgressNotices.class);
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final KafkaProducer<String, byte[]> producer;
    private final String source;
    private final String actor;

    ProgressNotices(KafkaSettings kafka, String workerName) {
        this.producer = KafkaClients.producer(kafka, "render-progress-" + workerName + "-" + UUID.randomUUID());
        this.source = "/atelier/render-worker/" + workerName;
        this.actor = "worker:" + workerName;
    }

    /** The step of {@code request} is calling {@code provider} now. */
    void generationStarted(EventEnvelope request, UUID stepId, String provider) {
        Instant now = Instant.now();
        EventEnvelope notice = new EventEnvelope(UUID.randomUUID(), request.workspaceId(), request.sessionId(), request.sequence(), now,
                actor, new GenerationStarted(stepId, provider, now));
        try {
            producer.send(KafkaEvents.record(Topics.RENDER_OUTCOMES, source, notice)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // cancelled meanwhile: the provider call that follows sees it at once
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("progress of step %s not sent (%s); the step renders on", stepId, e.getMessage());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
