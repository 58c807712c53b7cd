package dev.depscan.api.error;

import dev.depscan.api.generated.model.ErrorCode;
import dev.depscan.git.UrlRejectedException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A submitted URL is malformed ({@code INVALID_GIT_URL}) or outside the policy ({@code URL_NOT_ALLOWED}). */
@Provider
@ApplicationScoped
class UrlRejectedExceptionMapper implements ExceptionMapper<UrlRejectedException> {

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(UrlRejectedException e) {
        return switch (e.reason()) {
            case INVALID_GIT_URL -> Problems.response(400, ErrorCode.INVALID_GIT_URL, "Invalid Git URL", e.getMessage(),
                                                      uriInfo).build();
            case URL_NOT_ALLOWED -> Problems.response(400, ErrorCode.URL_NOT_ALLOWED, "URL not allowed", e.getMessage(),
                                                      uriInfo).build();
        };
    }
}
