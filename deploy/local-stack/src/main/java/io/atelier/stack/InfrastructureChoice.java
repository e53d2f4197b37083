package io.atelier.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which infrastructure the tests' stack runs on: containers (Testcontainers) when a Docker engine is there, the
 * embedded processes otherwise, and why. {@code -Datelier.infrastructure=embedded|containers} decides outright.
 */
public record InfrastructureChoice(Kind kind, String reason) {
    /** Where Kafka, PostgreSQL and S3 run. */
    public enum Kind { EMBEDDED, CONTAINERS }

    public static final String PROPERTY = "atelier.infrastructure";

    /**
     * The choice for this machine, from the system property, DOCKER_HOST and the usual Docker sockets; a socket
     * whose engine does not answer Testcontainers falls back to the embedded stack.
     */
    public static InfrastructureChoice detect() {
        Optional<String> forced = Optional.ofNullable(System.getProperty(PROPERTY));
        InfrastructureChoice choice = detect(forced, System.getenv(), Files::exists);
        if (choice.kind() == Kind.CONTAINERS && forced.isEmpty() && !ContainerInfrastructure.engineAnswers()) {
            return new InfrastructureChoice(Kind.EMBEDDED, choice.reason() + " found, but no Docker engine answers there");
        }
        return choice;
    }

    /**
     * Looks for an engine without asking Testcontainers first: its own probe logs an ERROR when there is none.
     * A socket or DOCKER_HOST only says an engine may be there; {@link ContainerInfrastructure} confirms it.
     */
    static InfrastructureChoice detect(Optional<String> forced, Map<String, String> env, Predicate<Path> exists) {
        if (forced.isPresent()) {
            return switch (forced.get()) {
                case "embedded" -> new InfrastructureChoice(Kind.EMBEDDED, "-D" + PROPERTY + "=embedded");
                case "containers" -> new InfrastructureChoice(Kind.CONTAINERS, "-D" + PROPERTY + "=containers");
                default -> throw new IllegalArgumentException(PROPERTY + " must be embedded or containers, not " + forced.get());
            };
        }
        String dockerHost = env.getOrDefault("DOCKER_HOST", "");
        if (!dockerHost.isBlank()) {
            return new InfrastructureChoice(Kind.CONTAINERS, "DOCKER_HOST=" + dockerHost);
        }
        List<Path> sockets = new java.util.ArrayList<>(List.of(Path.of("/var/run/docker.sock")));
        Optional.ofNullable(env.get("XDG_RUNTIME_DIR")).ifPresent(d -> sockets.add(Path.of(d, "docker.sock")));
        Optional.ofNullable(env.get("HOME")).ifPresent(h -> sockets.add(Path.of(h, ".docker/run/docker.sock")));
        for (Path socket : sockets) {
            if (exists.test(socket)) {
                return new InfrastructureChoice(Kind.CONTAINERS, "Docker socket " + socket);
            }
        }
        return new InfrastructureChoice(Kind.EMBEDDED, "no Docker engine (no DOCKER_HOST, no socket at " + sockets + ")");
    }
}
