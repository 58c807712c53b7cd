package dev.depscan.auth;

import dev.depscan.api.error.Problems;
import dev.depscan.api.generated.model.ErrorCode;

import io.helidon.webserver.http.ServerRequest;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Requires credentials on every {@code /api/v1} request, before routing, so that unknown paths under the API do
 * not reveal anything either. An {@code X-Api-Key} header wins over {@code Authorization: Basic}. A failure is
 * {@code 401} with {@code WWW-Authenticate: Basic} and problem+json {@code UNAUTHORIZED}; a client that failed too
 * often for one name gets {@code 429 RATE_LIMITED} with {@code Retry-After} (see {@link AuthenticationThrottle}).
 * The principal's roles are what {@code SecurityContext.isUserInRole} answers.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
class AuthenticationFilter implements ContainerRequestFilter {

    static final String API_KEY_HEADER = "X-Api-Key";
    private static final String API_PREFIX = "api/v1";
    private static final String BASIC = "Basic ";
    private static final String API_KEY_NAME = "(api key)";

    private final Credentials credentials;
    private final AuthenticationThrottle throttle;
    private final AuditLog audit;

    @Context
    private ServerRequest serverRequest;

    @Inject
    AuthenticationFilter(Credentials credentials, AuthenticationThrottle throttle, AuditLog audit) {
        this.credentials = credentials;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!(path.equals(API_PREFIX) || path.startsWith(API_PREFIX + "/")
              || path.startsWith("/" + API_PREFIX))) {
            return;
        }
        String client = client();
        Attempt attempt = attempt(request);
        Optional<Duration> wait = throttle.blocked(client, attempt.name());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            audit.authenticationFailed(client, attempt.name(), "throttled");
            request.abortWith(Problems.response(429, ErrorCode.RATE_LIMITED, "Too many failed attempts",
                                                "Too many failed authentication attempts; retry in " + seconds + " s.",
                                                request.getUriInfo())
                                      .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                                      .build());
            return;
        }
        Optional<Credentials.Principal> principal = attempt.check().get();
        if (principal.isEmpty()) {
            throttle.failed(client, attempt.name());
            audit.authenticationFailed(client, attempt.name(), "rejected");
            request.abortWith(Problems.response(401, ErrorCode.UNAUTHORIZED, "Unauthorized",
                                                "Valid credentials are required (HTTP Basic or X-Api-Key).",
                                                request.getUriInfo())
                                      .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"depscan\", charset=\"UTF-8\"")
                                      .build());
            return;
        }
        throttle.succeeded(client, attempt.name());
        boolean secure = request.getSecurityContext().isSecure();
        Credentials.Principal authenticated = principal.get();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return authenticated::name;
            }

            @Override
            public boolean isUserInRole(String role) {
                return authenticated.roles().stream().anyMatch(r -> r.id().equals(role));
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return SecurityContext.BASIC_AUTH;
            }
        });
    }

    /** The peer's address; behind a proxy, the proxy's (the throttle is then per proxy and name). */
    private String client() {
        try {
            return serverRequest.remotePeer().host();
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    /** The name an attempt claims (for the throttle and the audit log) and how to check it. */
    private record Attempt(String name, Supplier<Optional<Credentials.Principal>> check) {
    }

    private Attempt attempt(ContainerRequestContext request) {
        String key = request.getHeaderString(API_KEY_HEADER);
        if (key != null) {
            return new Attempt(API_KEY_NAME, () -> credentials.apiKey(key.strip()));
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.length() <= BASIC.length()
            || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return new Attempt("", Optional::empty);
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).strip()),
                                 StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new Attempt("", Optional::empty);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return new Attempt("", Optional::empty);
        }
        String name = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        return new Attempt(name, () -> credentials.user(name, password));
    }
}
