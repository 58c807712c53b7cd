package dev.depscan.api.error;

import dev.depscan.api.generated.model.ErrorCode;
import dev.depscan.job.IdempotencyKeyReusedException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A reused idempotency key with a different request: {@code 422 IDEMPOTENCY_KEY_REUSED}. */
@Provider
@ApplicationScoped
class IdempotencyKeyReusedExceptionMapper implements ExceptionMapper<IdempotencyKeyReusedException> {

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(IdempotencyKeyReusedException e) {
        return Problems.response(422, ErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency key reused", e.getMessage(), uriInfo)
                .build();
    }
}
