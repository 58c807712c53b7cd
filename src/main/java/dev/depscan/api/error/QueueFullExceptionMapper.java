package dev.depscan.api.error;

import dev.depscan.api.generated.model.ErrorCode;
import dev.depscan.job.QueueFullException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Scan slots and queue are full: {@code 429 QUEUE_FULL} with {@code Retry-After} in seconds. */
@Provider
@ApplicationScoped
class QueueFullExceptionMapper implements ExceptionMapper<QueueFullException> {

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(QueueFullException e) {
        return Problems.response(429, ErrorCode.QUEUE_FULL, "Queue full", e.getMessage(), uriInfo)
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, e.retryAfter().toSeconds()))
                .build();
    }
}
