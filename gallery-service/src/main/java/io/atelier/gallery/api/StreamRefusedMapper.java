package io.atelier.gallery.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A stream over a cap answers with its problem and the Retry-After that tells a client when to come back. */
public class StreamRefusedMapper {
    @ServerExceptionMapper
    public Response refused(StreamPermits.StreamRefused e, UriInfo uri) {
        return Response.status(e.problem().status()).type(io.atelier.platform.problem.Problem.MEDIA_TYPE)
                .header("Retry-After", Long.toString(e.retryAfterSeconds()))
                .entity(e.problem().at(uri.getPath())).build();
    }
}
