package io.atelier.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for child JVMs, run with the same JDK as the launcher. */
final class Jvm {
    private Jvm() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A classpath written by {@code dependency:build-classpath}, with a clear message when the build has not run. */
    static String classpathFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: build first (./mvnw -DskipTests install)");
        }
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> command(List<String> jvmOptions, String... rest) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.addAll(List.of(rest));
        return command;
    }
}
