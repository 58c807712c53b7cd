package dev.depscan.api.error;

import dev.depscan.api.InvalidRequestException;
import dev.depscan.api.generated.model.ErrorCode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request that breaks the contract's constraints: {@code 400 VALIDATION_FAILED}. */
@Provider
@ApplicationScoped
class InvalidRequestExceptionMapper implements ExceptionMapper<InvalidRequestException> {

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(InvalidRequestException e) {
        return Problems.response(400, ErrorCode.VALIDATION_FAILED, "Validation failed", e.getMessage(), uriInfo)
                .build();
    }
}
