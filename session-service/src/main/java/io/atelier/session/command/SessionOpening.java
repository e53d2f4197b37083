package io.atelier.session.command;

import io.atelier.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * One command for a session with its photo: the title and every byte of the image are checked, and
 * the image stored, before anything is written to the write model; then the session and its root step
 * are recorded in one transaction. A refused upload therefore leaves no session and no event.
 */
@ApplicationScoped
public class SessionOpening {
    private final SessionCommands commands;

    public SessionOpening(SessionCommands commands) {
        this.commands = commands;
    }

    /** Opens the session with {@code image} (the uploaded file, if any) as its original. */
    public SessionCommands.Opened open(String workspaceId, String actor, String rawTitle, Optional<Upload> image) {
        String title = commands.checkedTitle(rawTitle);
        Upload upload = image.orElseThrow(() -> ProblemException.badRequest("missing-image", "No image",
                "Send the image as the multipart form field 'image' (and the title as 'title'), or open the session with JSON first."));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(upload.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UUID sessionId = UUID.randomUUID();
        SessionCommands.StoredSource stored = commands.storeSource(workspaceId, sessionId, bytes);
        return commands.startSessionWithSource(sessionId, workspaceId, actor, title, upload.shortName(), stored);
    }

    /** An uploaded file on disk and the name the client gave it. */
    public record Upload(Path file, String fileName) {
        String shortName() {
            String name = fileName == null || fileName.isBlank() ? "upload" : fileName;
            return name.length() > 200 ? name.substring(0, 200) : name;
        }
    }
}
