package io.atelier.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A child JVM of the stack: output to a log file, a pid file so a later launcher can clean up after a
 * crashed one, and a graceful stop (SIGTERM, then SIGKILL after a grace period). A supervised one is
 * started again when it dies on its own, after a pause that doubles from 1 s up to 30 s (back to 1 s
 * once it has stayed up a minute), as compose's {@code restart: unless-stopped} and Kubernetes do; each
 * restart is logged and recorded in {@code run/supervision/<name>.properties} for {@code ./atelier status}.
 */
final class ManagedProcess implements AutoCloseable {
    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    static final Duration MAX_PAUSE = Duration.ofSeconds(30);
    static final Duration STABLE_AFTER = Duration.ofMinutes(1);

    private final String name;
    private final List<String> command;
    private final Path workDir;
    private final Path log;
    private final Path pidFile;
    private volatile Process process;
    private volatile Instant startedAt = Instant.now();
    private volatile boolean closing;
    private final java.util.concurrent.atomic.AtomicInteger restarts = new java.util.concurrent.atomic.AtomicInteger();
    private Thread supervisor;

    private ManagedProcess(String name, List<String> command, Path workDir, Process process, Path log, Path pidFile) {
        this.name = name;
        this.command = List.copyOf(command);
        this.workDir = workDir;
        this.process = process;
        this.log = log;
        this.pidFile = pidFile;
    }

    static ManagedProcess start(String name, List<String> command, Path workDir, Path logDir, Path runDir) {
        try {
            Files.createDirectories(logDir);
            Files.createDirectories(runDir);
            Path log = logDir.resolve(name + ".log");
            Path pidFile = runDir.resolve(name + ".pid");
            killLeftover(pidFile);
            Process process = builder(command, workDir)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                    .start();
            Files.writeString(pidFile, Long.toString(process.pid()));
            return new ManagedProcess(name, command, workDir, process, log, pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    // Two glibc malloc arenas rather than up to eight a core: each thread that mallocs (OpenCV's, ONNX Runtime's, the
    // JVM's) otherwise keeps freed native memory in an arena of its own. Measured on the render worker at 50 MP: peak
    // RSS ~25 MiB lower, idle ~30 MiB lower. The images set the same (deploy/docker/Dockerfile.service).
    private static ProcessBuilder builder(List<String> command, Path workDir) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        return builder;
    }

    /** Restarts the process whenever it exits on its own, until {@link #close()}; the record goes under {@code runDir/supervision}. */
    synchronized void supervise(Path runDir) {
        if (supervisor == null) {
            supervisor = Thread.ofPlatform().daemon().name("supervise-" + name).start(() -> watch(runDir.resolve("supervision")));
        }
    }

    /** How many times the supervisor has started the process again (counted once the new one runs). */
    int restarts() {
        return restarts.get();
    }

    private void watch(Path statusDir) {
        Duration pause = FIRST_PAUSE;
        while (!closing) {
            int code;
            try {
                code = process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (closing) {
                return;
            }
            if (Duration.between(startedAt, Instant.now()).compareTo(STABLE_AFTER) >= 0) {
                pause = FIRST_PAUSE;
            }
            int n = restarts.get() + 1;
            LocalStack.log(name + " exited with code " + code + "; restarting it in " + pause.toMillis() + " ms (restart " + n + ")");
            record(statusDir, n, code, "restarting");
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            synchronized (this) {
                if (closing) {
                    return;
                }
                try {
                    process = builder(command, workDir).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
                    startedAt = Instant.now();
                    restarts.incrementAndGet(); // counted once the new process runs
                    Files.writeString(pidFile, Long.toString(process.pid()));
                    record(statusDir, n, code, "running");
                } catch (IOException e) {
                    LocalStack.log("cannot restart " + name + ": " + e.getMessage());
                }
            }
            pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
        }
    }

    private void record(Path statusDir, int restartCount, int exitCode, String state) {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("restarts", Integer.toString(restartCount));
        p.setProperty("lastExitCode", Integer.toString(exitCode));
        p.setProperty("lastExitAt", Instant.now().toString());
        p.setProperty("state", state);
        p.setProperty("pid", Long.toString(process.pid()));
        try {
            Files.createDirectories(statusDir);
            // written aside and moved into place, so ./atelier status never reads a half-written record
            Path next = statusDir.resolve(name + ".properties.next");
            try (var out = Files.newOutputStream(next)) {
                p.store(out, "supervision of " + name + " by the local stack");
            }
            Files.move(next, statusDir.resolve(name + ".properties"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the log line above says the same
        }
    }

    /** Stops a process recorded by a launcher that did not shut down cleanly. */
    static void killLeftover(Path pidFile) {
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(handle -> {
                handle.destroy();
                try {
                    handle.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    handle.destroyForcibly();
                }
            });
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            // an unreadable pid file names no process we can stop
        }
    }

    void awaitReady(Duration timeout, BooleanSupplier ready) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; last log lines:\n" + tail(40));
            }
            if (ready.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(name + " was not ready after " + timeout.toSeconds() + " s; last log lines:\n" + tail(40));
    }

    /** Waits for a one-shot command to finish successfully. */
    void awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " did not finish in " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " failed with code " + process.exitValue() + ":\n" + tail(40));
        }
    }

    boolean logContains(String text) {
        try {
            return Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** Ends the process at once, without letting it shut down cleanly. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // a dead pid is skipped by the next launcher
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closing = true;
        }
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // the next launcher checks liveness before trusting a pid file
        }
    }
}
