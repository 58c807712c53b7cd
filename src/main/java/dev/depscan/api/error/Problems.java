package dev.depscan.api.error;

import dev.depscan.api.generated.model.ErrorCode;
import dev.depscan.api.generated.model.Problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.Locale;

/** Builds problem+json responses; the one place that knows the shape of an error. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
    private static final String TYPE_BASE = "https://depscan.dev/problems/";

    private Problems() {
    }

    /** A problem response; {@code title} is the fixed summary of {@code code}, {@code detail} this occurrence. */
    public static Response.ResponseBuilder response(int status, ErrorCode code, String title, String detail,
                                                    UriInfo uriInfo) {
        Problem problem = new Problem(TYPE_BASE + code.name().toLowerCase(Locale.ROOT).replace('_', '-'), title,
                                      status, code)
                .detail(detail)
                .instance("/" + uriInfo.getPath());
        return Response.status(status).type(PROBLEM_JSON).entity(problem);
    }
}
