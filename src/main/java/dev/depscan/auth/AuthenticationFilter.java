package dev.depscan.auth;

import dev.depscan.api.error.Problems;
import dev.depscan.api.generated.model.ErrorCode;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Requires credentials on every {@code /api/v1} request, before routing, so that unknown paths under the API do
 * not reveal anything either. An {@code X-Api-Key} header wins over {@code Authorization: Basic}. A failure is
 * {@code 401} with {@code WWW-Authenticate: Basic} and problem+json {@code UNAUTHORIZED}.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
class AuthenticationFilter implements ContainerRequestFilter {

    static final String API_KEY_HEADER = "X-Api-Key";
    private static final Logger LOGGER = Logger.getLogger(AuthenticationFilter.class.getName());
    private static final String API_PREFIX = "api/v1";
    private static final String BASIC = "Basic ";

    private final Credentials credentials;

    @Inject
    AuthenticationFilter(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!(path.equals(API_PREFIX) || path.startsWith(API_PREFIX + "/")
              || path.startsWith("/" + API_PREFIX))) {
            return;
        }
        Optional<String> principal = authenticate(request);
        if (principal.isEmpty()) {
            LOGGER.info(() -> "authentication failed for " + request.getMethod() + " /" + path);
            request.abortWith(Problems.response(401, ErrorCode.UNAUTHORIZED, "Unauthorized",
                                                "Valid credentials are required (HTTP Basic or X-Api-Key).",
                                                request.getUriInfo())
                                      .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"depscan\", charset=\"UTF-8\"")
                                      .build());
            return;
        }
        boolean secure = request.getSecurityContext().isSecure();
        String name = principal.get();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return () -> name;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
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

    private Optional<String> authenticate(ContainerRequestContext request) {
        String key = request.getHeaderString(API_KEY_HEADER);
        if (key != null) {
            return credentials.apiKey(key.strip());
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.length() <= BASIC.length()
            || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).strip()),
                                 StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return credentials.user(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
