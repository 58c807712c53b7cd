package dev.depscan.api.error;

import dev.depscan.api.generated.model.ErrorCode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.server.ParamException;

/**
 * Errors raised by JAX-RS itself (unknown path, wrong method or media type, unconvertible parameter), as
 * problem+json. A query or path parameter that cannot be converted is a {@code 400}, not the {@code 404} JAX-RS
 * would answer. Unknown paths outside the API keep Jersey's bare 404 so that Helidon's own routes still answer.
 */
@Provider
@ApplicationScoped
class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException e) {
        if (e instanceof ParamException param) {
            return Problems.response(400, ErrorCode.VALIDATION_FAILED, "Validation failed",
                                     "Parameter '" + param.getParameterName() + "' has an invalid value.", uriInfo)
                    .build();
        }
        int status = e.getResponse().getStatus();
        if (status == 404 && !ownsPath(uriInfo.getPath())) {
            return e.getResponse();
        }
        Response.ResponseBuilder problem = switch (status) {
            case 404 -> Problems.response(404, ErrorCode.NOT_FOUND, "Not found", "No such resource.", uriInfo);
            case 405 -> Problems.response(405, ErrorCode.METHOD_NOT_ALLOWED, "Method not allowed",
                                          "This resource does not support that method.", uriInfo)
                    .allow(e.getResponse().getAllowedMethods());
            case 406 -> Problems.response(406, ErrorCode.NOT_ACCEPTABLE, "Not acceptable",
                                          "No representation matches the Accept header.", uriInfo);
            case 415 -> Problems.response(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                                          "Send the request body as application/json.", uriInfo);
            case 401 -> Problems.response(401, ErrorCode.UNAUTHORIZED, "Unauthorized", "Authentication is required.",
                                          uriInfo);
            case 403 -> Problems.response(403, ErrorCode.FORBIDDEN, "Forbidden", "This operation is not allowed.",
                                          uriInfo);
            case 503 -> Problems.response(503, ErrorCode.SERVICE_UNAVAILABLE, "Service unavailable",
                                          "The service cannot take this request now.", uriInfo);
            default -> status >= 500
                    ? Problems.response(500, ErrorCode.INTERNAL_ERROR, "Internal error",
                                        "The request could not be processed.", uriInfo)
                    : Problems.response(400, ErrorCode.VALIDATION_FAILED, "Validation failed",
                                        "The request is not valid.", uriInfo);
        };
        return problem.build();
    }

    /**
     * Whether a path belongs to depscan's JAX-RS resources. For other paths an unmatched request is left as
     * Jersey's bare 404, which Helidon hands on to its own features ({@code /health}, {@code /metrics},
     * {@code /openapi}).
     */
    private static boolean ownsPath(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return relative.startsWith("api/") || relative.equals("api") || relative.startsWith("swagger-ui");
    }
}
