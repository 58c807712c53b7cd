package dev.depscan.api;

import dev.depscan.api.generated.JobsApi;
import dev.depscan.api.generated.model.JobStatus;
import dev.depscan.auth.AuditLog;
import dev.depscan.job.Caller;
import dev.depscan.job.Job;
import dev.depscan.job.JobQuery;
import dev.depscan.job.JobService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;

/** The {@code /api/v1/jobs} endpoints: status, results, partial results, history and cancellation. */
@ApplicationScoped
@Path("/")
public class JobsResource implements JobsApi {

    private final JobService jobs;
    private final AuditLog audit;

    @Context
    private SecurityContext security;
    private final Duration heartbeat;
    private final JacksonConfiguration json;

    @Inject
    JobsResource(JobService jobs, JacksonConfiguration json, AuditLog audit,
                 @ConfigProperty(name = "depscan.events.heartbeat-seconds", defaultValue = "10") long heartbeatSeconds) {
        if (heartbeatSeconds < 1) {
            throw new IllegalArgumentException("depscan.events.heartbeat-seconds must be >= 1");
        }
        this.heartbeat = Duration.ofSeconds(heartbeatSeconds);
        this.jobs = jobs;
        this.audit = audit;
        this.json = json;
    }

    private Caller caller() {
        return Callers.of(security);
    }

    @Override
    public Response getJob(String jobId) {
        return Response.ok(ApiMapper.job(jobs.get(jobId, caller()))).build();
    }

    @Override
    public Response getJobResults(String jobId) {
        Job job = jobs.get(jobId, caller());
        return Response.ok(ApiMapper.result(job, jobs.result(jobId, caller()))).build();
    }

    @Override
    public Response getJobPartialResults(String jobId) {
        Job job = jobs.get(jobId, caller());
        return Response.ok(ApiMapper.partial(job, jobs.progress(jobId, caller()))).build();
    }

    @Override
    public Response listJobs(Integer page, Integer perPage, JobStatus status, String gitUrl) {
        int pageNumber = page == null ? 1 : page;
        int size = perPage == null ? 20 : perPage;
        if (pageNumber < 1) {
            throw new InvalidRequestException("'page' must be 1 or more.");
        }
        if (size < 1 || size > JobQuery.MAX_PER_PAGE) {
            throw new InvalidRequestException("'per_page' must be between 1 and " + JobQuery.MAX_PER_PAGE + ".");
        }
        Optional<String> url = Optional.ofNullable(gitUrl).map(String::strip).filter(u -> !u.isEmpty())
                .map(jobs::normalizedUrl);
        var query = new JobQuery(Optional.ofNullable(status).map(JobStatus::toString), url, pageNumber, size);
        return Response.ok(ApiMapper.jobs(jobs.list(query, caller()))).build();
    }

    @Override
    public Response cancelJob(String jobId) {
        Caller caller = caller();
        Job cancelled;
        try {
            cancelled = jobs.cancel(jobId, caller);
        } catch (RuntimeException e) {
            audit.cancelled(caller.name(), jobId, e.getClass().getSimpleName());
            throw e;
        }
        audit.cancelled(caller.name(), jobId, "cancelled");
        return Response.ok(ApiMapper.job(cancelled)).build();
    }

    @Override
    public Response streamJobEvents(String jobId) {
        Caller caller = caller();
        jobs.get(jobId, caller);
        return Response.ok(new JobEventStream(jobs, json.getContext(JobEventStream.class), jobId, caller, heartbeat))
                .type("text/event-stream")
                .header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no")
                .build();
    }
}
