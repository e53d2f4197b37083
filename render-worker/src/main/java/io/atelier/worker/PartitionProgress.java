package io.atelier.worker;

import java.util.Arrays;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * Which records of one partition are answered, when they finish out of order: the committed offset is the
 * lowest unanswered record, and the answered records above it travel in the offset's metadata (committed in
 * the same transaction as their outcomes), so a worker taking the partition over skips them instead of
 * answering them twice.
 */
final class PartitionProgress {
    private final TreeSet<Long> pending = new TreeSet<>();
    private final TreeSet<Long> answeredAbove = new TreeSet<>();
    private final TreeSet<Long> skip;
    private long next;

    private PartitionProgress(long committed, TreeSet<Long> skip) {
        this.next = committed;
        this.skip = skip;
    }

    /** Resumes from a committed offset and its metadata (or from the start of what is polled, if none). */
    static PartitionProgress resume(OffsetAndMetadata committed) {
        if (committed == null) {
            return new PartitionProgress(-1, new TreeSet<>());
        }
        TreeSet<Long> skip = committed.metadata() == null || committed.metadata().isBlank() ? new TreeSet<>()
                : Arrays.stream(committed.metadata().split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Long::parseLong)
                .collect(Collectors.toCollection(TreeSet::new));
        return new PartitionProgress(committed.offset(), skip);
    }

    /** Whether a polled record was answered before (by this or an earlier owner); it is then taken as answered. */
    boolean alreadyAnswered(long offset) {
        return skip.contains(offset);
    }

    /** A record handed out for rendering. */
    void started(long offset) {
        if (next < 0) {
            next = offset;
        }
        pending.add(offset);
    }

    /** A record answered (its outcome is in the transaction now being written). */
    void answered(long offset) {
        if (next < 0) {
            next = offset;
        }
        pending.remove(offset);
        skip.remove(offset);
        answeredAbove.add(offset);
        long low = pending.isEmpty() ? Long.MAX_VALUE : pending.first();
        // everything below the lowest pending record is answered: fold it into the committed offset
        while (!answeredAbove.isEmpty() && answeredAbove.first() < low) {
            next = Math.max(next, answeredAbove.pollFirst() + 1);
        }
    }

    /** How many records are handed out and not answered. */
    int inFlight() {
        return pending.size();
    }

    /** The offset to commit: below it all is answered, above it the metadata lists what is. */
    OffsetAndMetadata commit() {
        TreeSet<Long> above = new TreeSet<>(answeredAbove);
        above.addAll(skip.tailSet(next, true));
        return new OffsetAndMetadata(next, above.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }
}
