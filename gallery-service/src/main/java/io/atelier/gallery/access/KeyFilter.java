package io.atelier.gallery.access;

import io.atelier.platform.access.ApiKeys;
import io.atelier.platform.access.Caller;
import io.atelier.platform.access.CurrentCaller;
import io.atelier.platform.access.Unauthorized;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every {@code /api} request carries a key: as {@code Authorization: Bearer} (API clients) or inside the
 * studio's sealed sign-in cookie ({@code <img>} and EventSource cannot send headers). The key's workspace,
 * as session-service tells it, is the only workspace the request reads.
 */
public class KeyFilter {
    private final KeyVerifier verifier;
    private final StudioCookie cookies;
    private final CurrentCaller current;

    public KeyFilter(KeyVerifier verifier, StudioCookie cookies, CurrentCaller current) {
        this.verifier = verifier;
        this.cookies = cookies;
        this.current = current;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api")) {
            return Optional.empty();
        }
        Optional<Caller> caller = presentedKey(request).flatMap(verifier::verify);
        if (caller.isEmpty()) {
            return Optional.of(Unauthorized.response(path));
        }
        current.set(caller.get());
        return Optional.empty();
    }

    // a header, when sent, decides alone: a bad header is not rescued by a cookie
    private Optional<String> presentedKey(ContainerRequestContext request) {
        String header = request.getHeaderString("Authorization");
        if (header != null) {
            return ApiKeys.fromAuthorization(header).map(k -> header.substring(7).strip());
        }
        Cookie cookie = request.getCookies().get(StudioCookie.NAME);
        return cookie == null ? Optional.empty() : cookies.open(cookie.getValue());
    }
}
