package io.atelier.session.access;

import io.atelier.platform.access.ApiKeys;
import io.atelier.platform.access.Caller;
import io.atelier.platform.access.CurrentCaller;
import io.atelier.platform.access.Unauthorized;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every {@code /api} request must carry a live key; its workspace is the only workspace the request
 * acts in (the gallery forwards its caller's key here, and this service verifies it itself).
 */
public class KeyFilter {
    private final KeyStore keys;
    private final CurrentCaller current;

    public KeyFilter(KeyStore keys, CurrentCaller current) {
        this.keys = keys;
        this.current = current;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api")) {
            return Optional.empty();
        }
        String header = request.getHeaderString("Authorization");
        Optional<Caller> caller = ApiKeys.fromAuthorization(header).flatMap(key -> keys.workspaceOf(key)
                .map(ws -> new Caller(ws, key.prefix(), header.substring(7).strip())));
        if (caller.isEmpty()) {
            return Optional.of(Unauthorized.response(path));
        }
        current.set(caller.get());
        return Optional.empty();
    }
}
