package io.atelier.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The Java clients generated from the services' OpenAPI documents (openapi-generator, library
 * "native"), pointed at the running stack, and how a caller reads their refusals: as the generated
 * {@code Problem} model, parsed from the body the document says is {@code application/problem+json}.
 */
final class Clients {
    private Clients() {
    }

    static io.atelier.client.session.api.CommandsApi sessionCommands() {
        return new io.atelier.client.session.api.CommandsApi(clientSession(RunningStack.apiKey()));
    }

    /** The commands as the holder of this key sends them. */
    static io.atelier.client.session.api.CommandsApi sessionCommands(String apiKey) {
        return new io.atelier.client.session.api.CommandsApi(clientSession(apiKey));
    }

    static io.atelier.client.gallery.api.GalleryApi gallery() {
        return new io.atelier.client.gallery.api.GalleryApi(clientGallery());
    }

    /** The studio's one URL: the same commands, forwarded by gallery-service. */
    static io.atelier.client.gallery.api.CommandsApi galleryCommands() {
        return new io.atelier.client.gallery.api.CommandsApi(clientGallery());
    }

    // every call carries the key as a bearer header (the documents declare it as the 'apiKey' scheme)
    private static io.atelier.client.session.ApiClient clientSession(String apiKey) {
        io.atelier.client.session.ApiClient client = new io.atelier.client.session.ApiClient();
        client.updateBaseUri(Api.session());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + apiKey));
        return client;
    }

    private static io.atelier.client.gallery.ApiClient clientGallery() {
        io.atelier.client.gallery.ApiClient client = new io.atelier.client.gallery.ApiClient();
        client.updateBaseUri(Api.gallery());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + RunningStack.apiKey()));
        return client;
    }

    /** Runs a session-service call that must be refused, and returns the problem it answered with. */
    static io.atelier.client.session.model.Problem sessionProblem(ThrowingCallable call) {
        io.atelier.client.session.ApiException e = catchThrowableOfType(io.atelier.client.session.ApiException.class, call);
        assertThat(e).as("the call was refused").isNotNull();
        return read(e.getCode(), e.getResponseHeaders(), e.getResponseBody(), new io.atelier.client.session.ApiClient().getObjectMapper(),
                io.atelier.client.session.model.Problem.class);
    }

    /** Runs a gallery-service call that must be refused, and returns the problem it answered with. */
    static io.atelier.client.gallery.model.Problem galleryProblem(ThrowingCallable call) {
        io.atelier.client.gallery.ApiException e = catchThrowableOfType(io.atelier.client.gallery.ApiException.class, call);
        assertThat(e).as("the call was refused").isNotNull();
        return read(e.getCode(), e.getResponseHeaders(), e.getResponseBody(), new io.atelier.client.gallery.ApiClient().getObjectMapper(),
                io.atelier.client.gallery.model.Problem.class);
    }

    private static <P> P read(int code, HttpHeaders headers, String body, ObjectMapper mapper, Class<P> type) {
        assertThat(headers.firstValue("Content-Type")).as("HTTP %d answers problem+json", code).hasValue("application/problem+json");
        try {
            return mapper.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new AssertionError("HTTP " + code + " body is not a problem: " + body, e);
        }
    }

    /** A file holding these bytes, for the generated multipart upload (it takes a File). */
    static java.io.File file(String name, byte[] bytes) {
        try {
            Path dir = Files.createTempDirectory("atelier-client-");
            Path file = Files.write(dir.resolve(name), bytes);
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return file.toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
