package dev.depscan.api.error;

import dev.depscan.api.generated.model.ErrorCode;
import dev.depscan.job.ForbiddenException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A role that does not allow the action: {@code 403 FORBIDDEN}. */
@Provider
@ApplicationScoped
class ForbiddenExceptionMapper implements ExceptionMapper<ForbiddenException> {

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(ForbiddenException e) {
        return Problems.response(403, ErrorCode.FORBIDDEN, "Forbidden", e.getMessage(), uriInfo).build();
    }
}
