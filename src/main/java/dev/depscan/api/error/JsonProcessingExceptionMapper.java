package dev.depscan.api.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body that is not JSON of the expected shape: {@code 400 VALIDATION_FAILED}. Jackson's own message is
 * not echoed: it can contain class names.
 */
@Provider
@ApplicationScoped
@Priority(1)
class JsonProcessingExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(JsonProcessingException e) {
        return JsonProblems.invalidBody(e, uriInfo);
    }
}
