package dev.depscan.api.error;

import dev.depscan.api.generated.model.ErrorCode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else: {@code 500 INTERNAL_ERROR}. The response carries only an incident id; the log line with the same
 * id has the details.
 */
@Provider
@ApplicationScoped
class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOGGER = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOGGER.log(Level.SEVERE, "incident " + incident + " on /" + uriInfo.getPath(), e);
        return Problems.response(500, ErrorCode.INTERNAL_ERROR, "Internal error",
                                 "The request could not be processed (incident " + incident + ").", uriInfo).build();
    }
}
