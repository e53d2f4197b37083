package io.atelier.system;

import io.atelier.events.EventEnvelope;
import io.atelier.events.ImageRendered;
import io.atelier.events.InstructionRequested;
import io.atelier.events.KafkaEvents;
import io.atelier.events.RenderFailed;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the committed session log says became of a set of accepted instructions: each should have exactly one
 * terminal event (ImageRendered, RenderFailed, or RenderCancelled when the person cancelled it). Shared by the fault tests and the scaling benchmark.
 */
record Outcomes(int accepted, int lost, int duplicated, int failed, Optional<Instant> firstRequested, Optional<Instant> lastFinished) {

    /** Reads the whole log once and tallies the given steps (their sessions' other steps are ignored). */
    static Outcomes of(String bootstrap, Collection<UUID> steps) {
        Set<UUID> wanted = Set.copyOf(steps);
        List<EventEnvelope> events = SessionLog.records(bootstrap).stream().map(KafkaEvents::decode).toList();
        Map<UUID, Long> finished = events.stream().map(Outcomes::terminalStep).filter(Objects::nonNull).filter(wanted::contains)
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        int lost = (int) wanted.stream().filter(s -> !finished.containsKey(s)).count();
        int duplicated = (int) finished.values().stream().mapToLong(n -> n - 1).sum();
        int failed = (int) events.stream().filter(e -> e.event() instanceof RenderFailed f && wanted.contains(f.stepId())).count();
        Optional<Instant> first = events.stream().filter(e -> e.event() instanceof InstructionRequested r && wanted.contains(r.stepId()))
                .map(EventEnvelope::time).min(Instant::compareTo);
        Optional<Instant> last = events.stream().filter(e -> terminalStep(e) != null && wanted.contains(terminalStep(e)))
                .map(EventEnvelope::time).max(Instant::compareTo);
        return new Outcomes(wanted.size(), lost, duplicated, failed, first, last);
    }

    /** Seconds from the first request to the last terminal event, by the events' own clocks (one machine). */
    double seconds() {
        return (lastFinished.orElseThrow().toEpochMilli() - firstRequested.orElseThrow().toEpochMilli()) / 1000.0;
    }

    static UUID terminalStep(EventEnvelope e) {
        return switch (e.event()) {
            case ImageRendered r -> r.stepId();
            case RenderFailed f -> f.stepId();
            case io.atelier.events.RenderCancelled c -> c.stepId();
            default -> null;
        };
    }
}
