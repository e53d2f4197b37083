package io.atelier.system;

import io.atelier.stack.Endpoints;
import io.atelier.stack.LocalStack;
import io.atelier.stack.StackPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the real local stack (Kafka, PostgreSQL, S3, the three packaged services) once per test JVM,
 * on random ports in a fresh directory, and stops it when the JVM's tests are done.
 */
public final class RunningStack implements BeforeAllCallback {
    private static LocalStack stack;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        synchronized (RunningStack.class) {
            if (stack == null) {
                Path root = Path.of(System.getProperty("atelier.root", "..")).toAbsolutePath().normalize();
                Path data = Files.createDirectories(root.resolve("system-tests/target/stack"));
                Path run = Files.createTempDirectory(data, "run-");
                stack = LocalStack.start(root, run, StackPorts.random(), 2);
                LocalStack current = stack;
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put("atelier-stack",
                        (ExtensionContext.Store.CloseableResource) current::close);
            }
        }
    }

    static LocalStack stack() {
        return stack;
    }

    static Endpoints endpoints() {
        return stack.endpoints();
    }
}
