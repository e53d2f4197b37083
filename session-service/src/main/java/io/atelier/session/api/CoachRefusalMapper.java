package io.atelier.session.api;

import io.atelier.coach.Advice;
import io.atelier.platform.problem.Problem;
import io.atelier.session.command.CoachRefusal;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers a refused instruction with problem+json whose extension member {@code advice} carries the concrete suggestions. */
public class CoachRefusalMapper {

    /** problem+json with the coach's advice as an extension member (RFC 9457 §3.2). */
    public record CoachedProblem(URI type, String title, int status, String detail, String instance, List<Advice> advice) {
    }

    @ServerExceptionMapper
    public Response refused(CoachRefusal e, UriInfo uri) {
        Problem p = Problem.of("no-concrete-change", "No concrete change", 422, e.advice().message());
        return Response.status(422).type(Problem.MEDIA_TYPE)
                .entity(new CoachedProblem(p.type(), p.title(), p.status(), p.detail(), uri.getPath(), List.of(e.advice()))).build();
    }
}
