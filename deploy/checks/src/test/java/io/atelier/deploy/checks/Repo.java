package io.atelier.deploy.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout under test: where the deployment files and the services' sources are. */
final class Repo {
    private Repo() {
    }

    static Path root() {
        Path root = Path.of(System.getProperty("atelier.root", "../..")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("docker-compose.yml"))) {
            throw new IllegalStateException("not the Atelier checkout: " + root);
        }
        return root;
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static String read(String relative) {
        return read(path(relative));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
