package io.atelier.platform.kafka;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * A Kafka consumer on its own thread: a failure (an exception or a JVM {@link Error}) closes the consumer
 * and opens a new one after a pause that doubles up to a cap (so it resumes from committed or stored
 * positions without hammering the group), shutdown wakes it out of its poll, and it reports when it last
 * polled for readiness checks. A {@link PoisonRecordException} halts the loop for good: it stays out of
 * its group and {@link #halted()} says why, which the liveness check reports. Beans of this type are
 * started and stopped with the application by {@link ConsumerLoops}.
 */
public abstract class ConsumerLoop {
    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);

    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Instant lastPoll = Instant.EPOCH;
    private volatile String halted = "";
    private volatile int failures;
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
        halted = "";
        failures = 0;
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

    /** False once the loop is asked to stop or has halted: long work inside {@link #handle} checks it between tries. */
    protected boolean running() {
        return running;
    }

    /**
     * How long the next poll may wait for records: the configured timeout, unless a loop has other work that must not
     * wait behind an idle poll (a worker with renders finishing on other threads).
     */
    protected Duration pollTimeout() {
        return settings().pollTimeout();
    }

    /** The loop's name, for health data. */
    public String loopName() {
        return name();
    }

    /** Why the loop stopped for good, or empty while it runs or may run. */
    public java.util.Optional<String> halted() {
        return halted.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(halted);
    }

    /** Failures in a row since the last good poll. */
    public int consecutiveFailures() {
        return failures;
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
                    ConsumerRecords<String, byte[]> records = c.poll(pollTimeout());
                    handle(c, records);
                    lastPoll = Instant.now();
                    // only work done ends a run of failures: an empty poll (a rejoin under way, a fetch not yet back)
                    // proves nothing, and resetting on it kept the backoff from ever growing
                    if (!records.isEmpty()) {
                        failures = 0;
                    }
                }
            } catch (WakeupException e) {
                // shutting down
            } catch (PoisonRecordException e) {
                halted = e.getMessage();
                running = false;
                LOG.errorf(e, "%s HALTED: %s. It stays stopped and reports down until this is dealt with.", name(), e.getMessage());
            } catch (Throwable e) {
                // Errors too (an OutOfMemoryError in one render, a linkage error): the thread must not die while the process lives on
                failures++;
                LOG.warnf(e, "%s failed (%d in a row); reopening from the last committed position", name(), failures);
                pause();
            } finally {
                consumer = null;
                closeResources();
            }
        }
    }

    private void pause() {
        Duration pause = settings().restartPause().multipliedBy(1L << Math.min(failures - 1, 16));
        if (pause.compareTo(settings().maxRestartPause()) > 0) {
            pause = settings().maxRestartPause();
        }
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
