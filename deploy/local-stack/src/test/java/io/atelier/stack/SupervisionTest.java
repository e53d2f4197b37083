package io.atelier.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A supervised process that dies is started again with a growing pause, the restarts are recorded, and close() ends it for good. */
class SupervisionTest {

    @Test
    void aProcessThatDiesIsRestartedWithBackoffUntilClosed(@TempDir Path dir) throws Exception {
        ManagedProcess p = ManagedProcess.start("flaky", List.of("sh", "-c", "echo started; exit 3"), dir, dir.resolve("logs"), dir.resolve("run"));
        long start = System.nanoTime();
        p.supervise(dir.resolve("run"));

        // three restarts wait 1 s, 2 s and 4 s first
        waitUntil(Duration.ofSeconds(20), () -> p.restarts() >= 3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        Properties status = new Properties();
        try (var in = Files.newInputStream(dir.resolve("run/supervision/flaky.properties"))) {
            status.load(in);
        }
        assertThat(Integer.parseInt(status.getProperty("restarts"))).isGreaterThanOrEqualTo(2);
        assertThat(status.getProperty("lastExitCode")).isEqualTo("3");
        assertThat(Files.readAllLines(dir.resolve("logs/flaky.log")).stream().filter("started"::equals).count()).isGreaterThanOrEqualTo(2);

        p.close();
        int after = p.restarts();
        Thread.sleep(2500);
        assertThat(p.restarts()).isEqualTo(after);
    }

    @Test
    void aKilledLongRunningProcessComesBack(@TempDir Path dir) throws Exception {
        ManagedProcess p = ManagedProcess.start("sleeper", List.of("sleep", "60"), dir, dir.resolve("logs"), dir.resolve("run"));
        try {
            p.supervise(dir.resolve("run"));
            long first = p.pid();
            ProcessHandle.of(first).orElseThrow().destroyForcibly(); // SIGKILL, as a crash or an OOM killer would
            waitUntil(Duration.ofSeconds(10), () -> p.restarts() == 1 && p.pid() != first
                    && ProcessHandle.of(p.pid()).map(ProcessHandle::isAlive).orElse(false));
        } finally {
            p.close();
        }
    }

    private static void waitUntil(Duration timeout, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout);
            }
            Thread.sleep(50);
        }
    }
}
