package io.atelier.worker;

import io.atelier.engine.Engine;
import io.atelier.events.EventCodec;
import io.atelier.events.EventEnvelope;
import io.atelier.events.DraftRequested;
import io.atelier.events.InstructionRequested;
import io.atelier.events.KafkaEvents;
import io.atelier.events.RenderCancelled;
import io.atelier.events.RenderFailed;
import io.atelier.events.Topics;
import io.atelier.platform.kafka.CarriedHeaders;
import io.atelier.platform.kafka.ConsumerLoop;
import io.atelier.platform.trace.Hops;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.inject.Inject;
import io.atelier.platform.kafka.ConsumerLoopSettings;
import io.atelier.platform.kafka.DeadLetters;
import io.atelier.platform.kafka.KafkaClients;
import io.atelier.platform.kafka.KafkaSettings;
import io.atelier.platform.kafka.PoisonRecordException;
import io.atelier.platform.storage.ImageStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Consume-render-produce with exactly-once effect on the log: for each InstructionRequested, the
 * outcome is sent and the input offset committed in one Kafka transaction. Any failure aborts the
 * transaction and rejoins the group from the last committed offset, so a step is answered once.
 * Sessions render side by side (one chain per session key keeps a session's order), so a slow provider
 * call holds up only its own session; see PartitionProgress for how out-of-order answers are committed.
 *
 * <p>What cannot be rendered is never silently skipped: S3 not answering is retried in place with a
 * capped backoff (an outage is not the step's fault); a step that fails the same way on every attempt
 * gets RenderFailed with the reason after a bounded number of attempts, plus a dead-letter record;
 * a record that is not an event at all is dead-lettered; an event of a newer contract halts the loop
 * (it leaves the group, so an upgraded worker takes the partition).
 */
@ApplicationScoped
public class RenderLoop extends ConsumerLoop {
    private static final Logger LOG = Logger.getLogger(RenderLoop.class);
    static final String GROUP = "atelier-render-workers";
    /** Hop names the worker adds to a step's timings: it took the request; its outcome (image stored) is going out. */
    static final String HOP_RENDER_STARTED = "renderStarted";
    static final String HOP_RENDERED = "rendered";

    private final KafkaSettings kafka;
    private final WorkerSettings settings;
    private final StepRenderer renderer;
    private final String transactionalId;
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private KafkaProducer<String, byte[]> producer;
    private Tracer tracer = OpenTelemetry.noop().getTracer("atelier");

    @Inject
    void tracer(Tracer tracer) {
        this.tracer = tracer;
    }
    // poll-thread state, read by the render threads only to see whether their partition is still theirs
    private final Map<TopicPartition, PartitionProgress> progress = new ConcurrentHashMap<>();
    // partitions with answers whose offsets are not committed yet, and since when (poll thread only)
    private final Set<TopicPartition> unsaved = new java.util.HashSet<>();
    private Instant unsavedSince = Instant.MAX;
    /** How long offsets of records answered with nothing may wait for a transaction to carry them. */
    static final Duration SAVE_PASSED_AFTER = Duration.ofSeconds(1);
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
    private final BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
    private final Cancellations cancellations = new Cancellations();
    private ProgressNotices notices;
    private ExecutorService renders;
    /** Records handed out and unanswered at most; their offsets ride in the commit metadata (4 KB by default). */
    static final int MAX_IN_FLIGHT = 64;

    public RenderLoop(KafkaSettings kafka, WorkerSettings settings, StepRenderer renderer) {
        this.kafka = kafka;
        this.settings = settings;
        this.renderer = renderer;
        // One per instance: two workers given the same name must not fence each other. Zombie fencing does
        // not need a stable id, since the offsets go in with the group's metadata (KIP-447).
        this.transactionalId = "atelier-render-" + settings.name() + "-" + UUID.randomUUID();
    }

    /** The transactional id of this instance's producer. */
    String transactionalId() {
        return transactionalId;
    }

    @Override
    protected String name() {
        return "render-loop";
    }

    @Override
    protected ConsumerLoopSettings settings() {
        return settings.renderLoop();
    }

    // While renders run, their outcomes are published between polls: an idle poll of the full timeout would hold a
    // finished step back (by half the timeout on average), so the poll only collects what has arrived and handle()
    // waits on the finished queue instead, which a render completing wakes at once.
    @Override
    protected Duration pollTimeout() {
        return inFlight() > 0 ? Duration.ZERO : super.pollTimeout();
    }

    @Override
    protected KafkaConsumer<String, byte[]> open() {
        producer = KafkaClients.transactionalProducer(kafka, transactionalId);
        producer.initTransactions();
        notices = new ProgressNotices(kafka, settings.name());
        KafkaConsumer<String, byte[]> c = KafkaClients.consumer(kafka, GROUP, "render-" + settings.name(),
                Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords(),
                        ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) settings.maxPollInterval().toMillis()));
        renders = Executors.newVirtualThreadPerTaskExecutor();
        c.subscribe(List.of(Topics.SESSION_EVENTS), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                Map<TopicPartition, OffsetAndMetadata> committed = c.committed(Set.copyOf(partitions));
                partitions.forEach(tp -> progress.put(tp, PartitionProgress.resume(committed.get(tp))));
            }

            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                partitions.forEach(progress::remove);
                unsaved.removeAll(partitions); // a partition given up is not ours to commit: its next owner reads on from the last commit
            }
        });
        return c;
    }

    @Override
    protected void handle(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records) throws Exception {
        for (ConsumerRecord<String, byte[]> record : records) {
            dispatch(record);
        }
        // while renders run, wait a moment for one to finish rather than a whole poll timeout
        Finished first = inFlight() > 0 ? finished.poll(20, TimeUnit.MILLISECONDS) : null;
        for (Finished f = first; f != null; f = finished.poll()) {
            publish(consumer, f);
        }
        if (!unsaved.isEmpty() && Instant.now().isAfter(unsavedSince.plus(SAVE_PASSED_AFTER))) {
            commitOffsets(consumer, List.of());
        }
        // a bounded backlog: stop fetching while too many records wait for a slow session
        if (inFlight() >= MAX_IN_FLIGHT) {
            consumer.pause(consumer.assignment());
        } else if (!consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
    }

    @Override
    protected void closeResources() {
        if (renders != null) {
            // what is still rendering is redone from the committed position by whoever owns the partition next
            renders.shutdownNow();
            renders = null;
        }
        progress.clear();
        unsaved.clear();
        unsavedSince = Instant.MAX;
        tails.clear();
        finished.clear();
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
        if (notices != null) {
            notices.close();
            notices = null;
        }
    }

    private int inFlight() {
        return progress.values().stream().mapToInt(PartitionProgress::inFlight).sum();
    }

    /** One rendered (or given-up) record, waiting for the poll thread to publish it. */
    private record Finished(ConsumerRecord<String, byte[]> record, PartitionProgress owner, List<ProducerRecord<String, byte[]>> out,
                            RuntimeException failure, String summary) {
    }

    // Records of one session render one after another on that session's chain, so order within a branch is kept;
    // sessions render side by side, so a minute-long provider call holds up only its own session.
    private void dispatch(ConsumerRecord<String, byte[]> record) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        PartitionProgress owner = progress.get(tp);
        if (owner == null || owner.alreadyAnswered(record.offset())) {
            if (owner != null) {
                owner.started(record.offset());
                finished.add(new Finished(record, owner, List.of(), null, ""));
            }
            return;
        }
        owner.started(record.offset());
        cancelIfAsked(record);
        String key = record.key() == null ? tp.toString() : record.key();
        ExecutorService pool = renders;
        CompletableFuture<Void> tail = tails.getOrDefault(key, CompletableFuture.completedFuture(null));
        CompletableFuture<Void> next = tail.handleAsync((ignored, error) -> {
            if (progress.get(tp) != owner) {
                return null; // the partition moved on (revoked, or the loop reopened): its new owner answers this
            }
            try {
                List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
                String summary = render(record, out);
                finished.add(new Finished(record, owner, out, null, summary));
            } catch (RuntimeException e) {
                finished.add(new Finished(record, owner, List.of(), e, ""));
            } catch (Error e) {
                // never leave a record pending unanswered: the loop reopens on it, as on the poll thread before
                finished.add(new Finished(record, owner, List.of(), new IllegalStateException("render thread failed: " + e, e), ""));
            }
            return null;
        }, pool);
        tails.put(key, next);
        next.whenComplete((ignored, error) -> tails.remove(key, next));
    }

    // A cancel acts here on the poll thread, not in its turn on the session's chain: that chain is busy with the very
    // render to stop. The record itself then goes down the chain like any other and is answered with nothing.
    private void cancelIfAsked(ConsumerRecord<String, byte[]> record) {
        if (!KafkaEvents.header(record.headers(), "ce_type").startsWith(KafkaEvents.CE_TYPE_PREFIX + "RenderCancelled.")) {
            return;
        }
        try {
            if (KafkaEvents.decode(record).event() instanceof RenderCancelled cancel) {
                LOG.infof("step %s was cancelled: stopping its render", cancel.stepId());
                cancellations.cancel(cancel.stepId());
            }
        } catch (RuntimeException e) {
            // unreadable: its turn on the chain dead-letters or halts on it as for any record
        }
    }

    // Every record, rendered or not, moves the group's offset inside a transaction, so the committed
    // position never runs ahead of an outcome that was not written.
    private void publish(KafkaConsumer<String, byte[]> c, Finished f) {
        TopicPartition tp = new TopicPartition(f.record().topic(), f.record().partition());
        if (progress.get(tp) != f.owner()) {
            return; // finished after its partition was revoked: not ours to answer any more
        }
        if (f.failure() != null) {
            throw f.failure(); // reopens from the committed position, as a failed render always did
        }
        f.owner().answered(f.record().offset());
        unsaved.add(tp);
        unsavedSince = unsavedSince.equals(Instant.MAX) ? Instant.now() : unsavedSince;
        // An event that asks nothing of the worker (the outcome coming back on the session log, a rename) is answered
        // with nothing: its offset waits for the next transaction, or a second at most, instead of taking one of its own
        // at the moment the gallery projects the same event. Read again after a crash, it passes through again.
        if (!f.out().isEmpty() || isRequest(f.record())) {
            commitOffsets(c, f.out());
        }
        attempts.remove(where(f.record()));
        if (!f.summary().isEmpty()) {
            LOG.info(f.summary());
        }
    }

    // The outcomes and every answered offset not yet committed, in one transaction.
    private void commitOffsets(KafkaConsumer<String, byte[]> c, List<ProducerRecord<String, byte[]>> out) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new java.util.HashMap<>();
        for (TopicPartition tp : unsaved) {
            PartitionProgress owner = progress.get(tp);
            if (owner != null) {
                offsets.put(tp, owner.commit());
            }
        }
        producer.beginTransaction();
        try {
            out.forEach(producer::send);
            if (!offsets.isEmpty()) {
                producer.sendOffsetsToTransaction(offsets, c.groupMetadata());
            }
            producer.commitTransaction();
        } catch (KafkaException e) {
            try {
                producer.abortTransaction();
            } catch (KafkaException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
        unsaved.clear();
        unsavedSince = Instant.MAX;
    }

    // Runs on a session's chain: decodes and renders one record, collecting what is to be published.
    private String render(ConsumerRecord<String, byte[]> record, List<ProducerRecord<String, byte[]>> out) {
        CarriedHeaders carried = CarriedHeaders.from(record.headers()).withHop(HOP_RENDER_STARTED, Instant.now());
        // only a request is a render in a trace: the other events of the session log pass through without a span
        Span span = isRequest(record) ? Hops.start(tracer, "render step", SpanKind.CONSUMER, carried) : Span.getInvalid();
        try (Scope ignored = span.makeCurrent()) {
            return render(record, out, span, carried);
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    private String render(ConsumerRecord<String, byte[]> record, List<ProducerRecord<String, byte[]>> out, Span span, CarriedHeaders carried) {
        EventEnvelope request;
        try {
            request = KafkaEvents.decode(record);
        } catch (EventCodec.NewerVersionException e) {
            throw new PoisonRecordException("event at " + where(record) + " is from a newer contract: " + e.getMessage(), e);
        } catch (EventCodec.MalformedEventException e) {
            LOG.errorf("ALERT dead-lettering unreadable record at %s: %s", where(record), e.getMessage());
            out.add(DeadLetters.of(record, e.getMessage(), actor()));
            return "";
        }
        UUID stepId;
        if (request.event() instanceof InstructionRequested step) {
            stepId = step.stepId();
        } else if (request.event() instanceof DraftRequested draft) {
            stepId = draft.stepId();
        } else {
            return "";
        }
        // a cancelled step has its terminal event already (RenderCancelled, from session-service): it is answered with nothing
        if (!cancellations.begin(stepId)) {
            return "step " + stepId + " of session " + request.sessionId() + ": cancelled before it started";
        }
        EventEnvelope outcome;
        try {
            outcome = WatchedEngine.watching(provider -> notices.generationStarted(request, stepId, provider), () -> switch (request.event()) {
                case InstructionRequested step -> renderOrGiveUp(record, request, step, out);
                case DraftRequested draft -> renderer.draft(request, draft); // the root of a session started from a prompt
                default -> throw new IllegalStateException("not a request: " + request.event().typeName());
            });
        } catch (RuntimeException e) {
            if (cancellations.end(stepId)) {
                out.clear();
                return "step " + stepId + " of session " + request.sessionId() + ": cancelled while rendering";
            }
            throw e;
        } catch (Error e) {
            cancellations.end(stepId); // the thread is no longer this step's, whatever happens next
            throw e;
        }
        if (cancellations.end(stepId)) {
            out.clear();
            return "step " + stepId + " of session " + request.sessionId() + ": cancelled while rendering";
        }
        ProducerRecord<String, byte[]> answer = KafkaEvents.record(Topics.RENDER_OUTCOMES, "/atelier/render-worker/" + settings.name(), outcome);
        // the outcome goes on with the request's trace and timings, plus this hop's
        Hops.handOn(span, carried.withHop(HOP_RENDERED, Instant.now())).addTo(answer.headers());
        span.setAttribute("atelier.step", stepId.toString());
        out.add(0, answer);
        return "step " + stepId + " of session " + request.sessionId() + ": " + outcome.event().typeName();
    }

    // by the CloudEvents type header; a record without one is treated as a request so that decoding it decides
    private static boolean isRequest(ConsumerRecord<String, byte[]> record) {
        String type = KafkaEvents.header(record.headers(), "ce_type");
        return type.isEmpty() || type.startsWith(KafkaEvents.CE_TYPE_PREFIX + "InstructionRequested.")
                || type.startsWith(KafkaEvents.CE_TYPE_PREFIX + "DraftRequested.");
    }

    private EventEnvelope renderOrGiveUp(ConsumerRecord<String, byte[]> record, EventEnvelope request, InstructionRequested step,
                                         List<ProducerRecord<String, byte[]>> out) {
        Duration pause = settings.storageRetry().initialPause();
        Instant giveUpHolding = Instant.now().plus(settings.storageRetry().holdFor());
        while (true) {
            try {
                return renderer.render(request, step);
            } catch (ImageStore.StorageUnavailableException e) {
                // Not counted against the step: retried here (keeping the partition) until S3 answers; after holdFor the
                // loop reopens (its backoff takes over), so a long outage neither fails steps nor overruns max.poll.interval.
                if (!running() || Instant.now().plus(pause).isAfter(giveUpHolding)) {
                    throw e;
                }
                LOG.warnf("S3 unavailable rendering step %s, retrying in %d ms: %s", step.stepId(), pause.toMillis(), e.getMessage());
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(settings.storageRetry().maxPause()) > 0 ? settings.storageRetry().maxPause() : pause.multipliedBy(2);
            } catch (RuntimeException e) {
                int attempt = attempts.merge(where(record), 1, Integer::sum);
                if (attempt < settings.maxAttempts()) {
                    LOG.warnf("step %s failed (attempt %d of %d): %s", step.stepId(), attempt, settings.maxAttempts(), e.getMessage());
                    throw e;
                }
                String reason = reasonFor(e);
                LOG.errorf(e, "ALERT step %s failed %d times; answering RenderFailed and dead-lettering the request", step.stepId(), attempt);
                out.add(DeadLetters.of(record, reason + " (" + e.getMessage() + ")", actor()));
                return new EventEnvelope(UUID.randomUUID(), request.workspaceId(), request.sessionId(), request.sequence(), Instant.now(),
                        actor(), new RenderFailed(step.stepId(), reason,
                        "Branch from another step, or upload the source again; if it keeps happening, report it with the step id.",
                        List.of(), Engine.VERSION));
            }
        }
    }

    private static String reasonFor(RuntimeException e) {
        return e instanceof ImageStore.ObjectMissingException
                ? "The image this step starts from is missing from storage, so it cannot be rendered."
                : "This step could not be rendered: it failed the same way on every attempt (" + e.getClass().getSimpleName() + ").";
    }

    private String actor() {
        return "worker:" + settings.name();
    }

    private static String where(ConsumerRecord<String, byte[]> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for S3", e);
        }
    }
}
