package dev.depscan.api.error;

import dev.depscan.api.generated.model.ErrorCode;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The answer to a request body Jackson could not read. Jackson's own message is not echoed: it names classes. */
final class JsonProblems {

    private JsonProblems() {
    }

    static Response invalidBody(JsonProcessingException e, UriInfo uriInfo) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return Problems.response(400, ErrorCode.VALIDATION_FAILED, "Validation failed",
                                 "The request body is not valid JSON for this operation" + where + ".", uriInfo)
                .build();
    }
}
