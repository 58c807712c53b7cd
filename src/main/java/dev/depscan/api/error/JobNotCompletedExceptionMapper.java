package dev.depscan.api.error;

import dev.depscan.api.generated.model.ErrorCode;
import dev.depscan.job.JobNotCompletedException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Results asked of a job that has none: {@code 409 JOB_NOT_COMPLETED}. */
@Provider
@ApplicationScoped
class JobNotCompletedExceptionMapper implements ExceptionMapper<JobNotCompletedException> {

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(JobNotCompletedException e) {
        return Problems.response(409, ErrorCode.JOB_NOT_COMPLETED, "Job not completed", e.getMessage(), uriInfo)
                .build();
    }
}
