package dev.depscan.api.error;

import com.fasterxml.jackson.core.JsonParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body that is not JSON at all: {@code 400 VALIDATION_FAILED}. Registered for this exact type so that it
 * outranks the mapper jersey-media-json-jackson brings, which answers in plain text.
 */
@Provider
@ApplicationScoped
@Priority(1)
class JsonParseExceptionMapper implements ExceptionMapper<JsonParseException> {

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(JsonParseException e) {
        return JsonProblems.invalidBody(e, uriInfo);
    }
}
