package io.atelier.platform.problem;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of problem the services answer with, as their OpenAPI documents list it: slug, status,
 * a typical title and a typical detail. {@link ProblemResponses} builds each operation's error
 * answers from these; the system tests check that every real answer is one of them.
 */
public enum ProblemType {
    // what the framework's mappers say (ProblemMappers) for any operation of the matching shape
    MALFORMED_JSON("malformed-json", 400, "Malformed JSON", "The request body is not valid JSON: Unexpected end-of-input."),
    INVALID_FIELD("invalid-field", 400, "Invalid field", "The value of 'parentStepId' has the wrong form: Cannot deserialize value of type `java.util.UUID`."),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported Media Type", "The request body has a media type this address does not accept."),
    NOT_FOUND("not-found", 404, "Session not found", "Session 6f1c2f9e-8d1b-4c47-9a57-2b1e8f0c7d11 does not exist in this workspace."),
    UNAUTHORIZED("unauthorized", 401, "API key required",
            "Send 'Authorization: Bearer <API key>' with a key that has not been revoked (the studio signs in instead)."),
    BODY_TOO_LARGE("body-too-large", 413, "Request body too large",
            "The request body is 73400320 bytes; at most 60 MB (62914560 bytes) are accepted. Send a smaller image: export it as JPEG, or at a smaller size."),
    INTERNAL_ERROR("internal-error", 500, "Internal error", "Something went wrong on our side; nothing was changed. Try again."),
    UNAVAILABLE("unavailable", 503, "Temporarily unavailable",
            "The database did not answer, so this request may not have been carried out. Try again in a few seconds: "
                    + "a step sent again with the same Idempotency-Key is made at most once."),
    CONTROL_CHARACTER("control-character", 400, "Control character in text",
            "The title has U+0000 (a control character) at position 4. Remove it; text may not contain control characters."),
    // sessions and their source image
    TITLE_TOO_LONG("title-too-long", 400, "Title too long", "A session title has at most 200 characters; this one has 240."),
    MISSING_IMAGE("missing-image", 400, "No image", "Send the image as the multipart form field 'image'."),
    UNSUPPORTED_IMAGE("unsupported-image", 415, "Unsupported image format", "Not a PNG or JPEG image."),
    IMAGE_TOO_LARGE("image-too-large", 413, "Image too large", "The image is 100000×100000 pixels; at most 50000000 pixels are accepted."),
    CORRUPT_IMAGE("corrupt-image", 422, "Corrupt image", "The image data ends early or cannot be decoded."),
    SOURCE_EXISTS("source-exists", 409, "Source already uploaded",
            "Session 6f1c2f9e-8d1b-4c47-9a57-2b1e8f0c7d11 already has its original image; start a new session for another photo."),
    // sessions started from a prompt
    EMPTY_PROMPT("empty-prompt", 400, "Empty prompt", "Describe the picture to start from, for example \"a cup of coffee on a wooden table\"."),
    PROMPT_TOO_LONG("prompt-too-long", 400, "Prompt too long", "A prompt has at most 2000 characters; this one has 2400."),
    INVALID_SIZE("invalid-size", 400, "Invalid size", "'size' is WIDTHxHEIGHT from 256 to 4096 a side, e.g. 1536x1024; got 'big'."),
    NO_GENERATIVE_ENGINE("no-generative-engine", 422, "No generative engine",
            "Starting from a prompt needs a generative engine, and none is configured: set ATELIER_OPENAI_API_KEY, ATELIER_BFL_API_KEY "
                    + "or ATELIER_COMFYUI_URL, or start from a photo."),
    // refinement steps
    MISSING_PARENT_STEP("missing-parent-step", 400, "No parent step", "Say which step to refine in 'parentStepId'."),
    EMPTY_INSTRUCTION("empty-instruction", 400, "Empty instruction", "Describe one concrete change, for example \"crop to a 1:1 square\"."),
    INSTRUCTION_TOO_LONG("instruction-too-long", 400, "Instruction too long",
            "An instruction has at most 2000 characters; this one has 2400. Give one change at a time."),
    INVALID_IDEMPOTENCY_KEY("invalid-idempotency-key", 400, "Invalid Idempotency-Key", "An Idempotency-Key has at most 200 characters."),
    UNKNOWN_PARENT_STEP("unknown-parent-step", 422, "Unknown parent step",
            "Step 0b7e4d52-3f7a-4c1e-8e0b-5d7c9a1f2e33 is not a step of session 6f1c2f9e-8d1b-4c47-9a57-2b1e8f0c7d11."),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Idempotency-Key reused",
            "This Idempotency-Key was already used for a different request; use a new key for a new step."),
    NO_CONCRETE_CHANGE("no-concrete-change", 422, "No concrete change",
            "\"make it better\" says how the picture feels, not what to change. Describe one visible change, for example \"warm the light to a late-afternoon golden tone\"."),
    STEP_NOT_LEAF("step-not-leaf", 409, "Step has later steps",
            "Step 0b7e4d52-3f7a-4c1e-8e0b-5d7c9a1f2e33 has later steps; delete those first (only the last step of a branch can be deleted)."),
    STEP_FINISHED("step-finished", 409, "Step already finished",
            "Step 4d3c2b1a-9e8f-4a7b-8c6d-5e4f3a2b1c0d has already finished (rendered); only a pending step can be cancelled."),
    PARENT_PENDING("parent-pending", 409, "Parent step still rendering",
            "Step 0b7e4d52-3f7a-4c1e-8e0b-5d7c9a1f2e33 has not been rendered yet; refine it once its image has arrived."),
    PARENT_FAILED("parent-failed", 409, "Parent step failed",
            "Step 0b7e4d52-3f7a-4c1e-8e0b-5d7c9a1f2e33 failed and has no image; branch from its parent instead."),
    // the brand kit
    INVALID_KIT_ENTRY("invalid-kit-entry", 400, "Invalid kit entry", "A palette colour is a name (1–60 characters) and a hex code such as #2E7D32."),
    KIT_ENTRY_NOT_FOUND("kit-entry-not-found", 404, "Not in the kit", "The kit has no palette colour named 'brand blue'."),
    INVALID_LOGO("invalid-logo", 422, "Invalid logo", "A logo is a PNG with an alpha channel, at most 512 KB and 4096 pixels a side."),
    MISSING_FONT("missing-font", 400, "No font", "Send the font file as the multipart form field 'font'."),
    INVALID_FONT("invalid-font", 422, "Invalid font", "The file is not a TrueType or OpenType font: Bad table directory."),
    STEP_NOT_RENDERED("step-not-rendered", 409, "Step not rendered", "Only a rendered step (not the original, not a pending or failed one) can be saved to the kit."),
    // abuse limits (the 429 carries Retry-After)
    RATE_LIMITED("rate-limited", 429, "Too many commands", "This workspace has used its budget of commands for now; try again in 12 s."),
    TOO_MANY_STREAMS("too-many-streams", 429, "Too many open streams",
            "This workspace has 100 live views open, the most it may hold; close one (a studio tab) or try again later."),
    STREAMS_FULL("streams-full", 503, "Live views are full", "The gallery holds 1000 live views, its most; try again in a moment."),
    // the gallery's reads
    INVALID_LIMIT("invalid-limit", 400, "Invalid limit", "'limit' is a whole number from 1 to 500; got 'many'."),
    // the gallery's forwarding of commands
    SESSION_SERVICE_UNAVAILABLE("session-service-unavailable", 502, "Commands are unavailable",
            "session-service did not answer (Connection refused); try again in a moment."),
    SHUTTING_DOWN("interrupted", 503, "Interrupted", "The gallery is shutting down.");

    private final String slug;
    private final int status;
    private final String title;
    private final String exampleDetail;

    ProblemType(String slug, int status, String title, String exampleDetail) {
        this.slug = slug;
        this.status = status;
        this.title = title;
        this.exampleDetail = exampleDetail;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI type() {
        return URI.create(Problem.TYPE_BASE + slug);
    }

    /** A typical problem of this type, as the documents show it. */
    public Problem example() {
        return new Problem(type(), title, status, exampleDetail, null);
    }

    /** Whether an answer of this type carries {@code Retry-After} (a limit or an outage that passes by itself). */
    public boolean retryAfter() {
        return status == 429 || slug.equals("streams-full") || slug.equals("unavailable");
    }

    public static Optional<ProblemType> bySlug(String slug) {
        return Arrays.stream(values()).filter(t -> t.slug.equals(slug)).findFirst();
    }

    public static Optional<ProblemType> byType(URI type) {
        return Arrays.stream(values()).filter(t -> t.type().equals(type)).findFirst();
    }
}
