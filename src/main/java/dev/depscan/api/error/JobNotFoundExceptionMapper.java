package dev.depscan.api.error;

import dev.depscan.api.generated.model.ErrorCode;
import dev.depscan.job.JobNotFoundException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Unknown job id: {@code 404 JOB_NOT_FOUND}. */
@Provider
@ApplicationScoped
class JobNotFoundExceptionMapper implements ExceptionMapper<JobNotFoundException> {

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(JobNotFoundException e) {
        return Problems.response(404, ErrorCode.JOB_NOT_FOUND, "Job not found", e.getMessage(), uriInfo).build();
    }
}
