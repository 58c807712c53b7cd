package dev.depscan.api.error;

import dev.depscan.api.generated.model.ErrorCode;
import dev.depscan.job.JobAlreadyFinishedException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Cancelling a job that has ended: {@code 409 JOB_ALREADY_FINISHED}. */
@Provider
@ApplicationScoped
class JobAlreadyFinishedExceptionMapper implements ExceptionMapper<JobAlreadyFinishedException> {

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(JobAlreadyFinishedException e) {
        return Problems.response(409, ErrorCode.JOB_ALREADY_FINISHED, "Job already finished", e.getMessage(), uriInfo)
                .build();
    }
}
