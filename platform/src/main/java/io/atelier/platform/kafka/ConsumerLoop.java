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
 * when it last polled for readiness checks. Beans of this type are started and stopped with the
 * application by {@link ConsumerLoops}.
 */
public abstract class ConsumerLoop {
    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);

    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Instant lastPoll = Instant.EPOCH;
    private Thread thread;

    /** Names the loop's thread and its log lines. */
    protected abstract String name();

    /** How this loop polls, recovers and stops. */
    protected abstract ConsumerLoopSettings settings();

    /** Opens a consumer that is already subscribed or assigned and positioned. */
    protected abstract KafkaConsumer<String, byte[]> open() throws Exception;

    /** Handles one poll's records; throwing restarts the loop from the last committed position. */
    protected abstract void handle(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records) throws Exception;

    /** Releases what {@link #open()} made besides the consumer. */
    protected void closeResources() {
    }

    // Not final, like stop and lastPoll: CDI client proxies must be able to forward these calls.
    public synchronized void start() {
        if (thread != null && thread.isAlive()) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name(name()).start(this::loop);
    }

    /** Stops polling and waits up to the shutdown grace for the batch in hand. */
    public void stop() throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.join(settings().shutdownGrace().toMillis());
        }
    }

    /** Whether the loop's thread is alive. */
    public synchronized boolean isAlive() {
        return thread != null && thread.isAlive();
    }

    /** When the loop last came back from a poll. */
    public Instant lastPoll() {
        return lastPoll;
    }

    private void loop() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = open()) {
                consumer = c;
                while (running) {
                    ConsumerRecords<String, byte[]> records = c.poll(settings().pollTimeout());
                    handle(c, records);
                    lastPoll = Instant.now();
                }
            } catch (WakeupException e) {
                // shutting down
            } catch (Exception e) {
                LOG.warnf(e, "%s failed; reopening from the last committed position", name());
                pause();
            } finally {
                consumer = null;
                closeResources();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(settings().restartPause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
