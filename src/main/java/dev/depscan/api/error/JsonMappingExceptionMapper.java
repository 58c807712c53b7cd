package dev.depscan.api.error;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body whose JSON does not fit the operation (missing or mistyped fields): {@code 400 VALIDATION_FAILED}.
 * Registered for this exact type so that it outranks the mapper jersey-media-json-jackson brings, which answers in
 * plain text.
 */
@Provider
@ApplicationScoped
@Priority(1)
class JsonMappingExceptionMapper implements ExceptionMapper<JsonMappingException> {

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(JsonMappingException e) {
        return JsonProblems.invalidBody(e, uriInfo);
    }
}
