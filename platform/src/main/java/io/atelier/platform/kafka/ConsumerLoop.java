package io.atelier.platform.kafka;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * A Kafka consumer on its own thread: a failure closes the consumer and opens a new one after a pause
 * (so it resumes from committed or stored positions), shutdown wakes it out of its poll, and it reports
 * when it last polled for readiness checks.
 */
public abstract class ConsumerLoop {
    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);

    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Instant lastPoll = Instant.EPOCH;
    private Thread thread;

    /** Opens a consumer that is already subscribed or assigned and positioned. */
    protected abstract KafkaConsumer<String, byte[]> open() throws Exception;

    /** Handles one poll's records; throwing restarts the loop from the last committed position. */
    protected abstract void handle(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records) throws Exception;

    /** Releases what {@link #open()} made besides the consumer. */
    protected void closeResources() {
    }

    protected Duration pollTimeout() {
        return Duration.ofMillis(500);
    }

    public final synchronized void start(String threadName) {
        running = true;
        thread = Thread.ofPlatform().name(threadName).start(this::loop);
    }

    public final void stop(Duration grace) throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            t.join(grace.toMillis());
        }
    }

    /** When the loop last came back from a poll. */
    public final Instant lastPoll() {
        return lastPoll;
    }

    private void loop() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = open()) {
                consumer = c;
                while (running) {
                    ConsumerRecords<String, byte[]> records = c.poll(pollTimeout());
                    handle(c, records);
                    lastPoll = Instant.now();
                }
            } catch (WakeupException e) {
                // shutting down
            } catch (Exception e) {
                LOG.warnf(e, "%s failed; reopening from the last committed position", getClass().getSimpleName());
                pause();
            } finally {
                closeResources();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
