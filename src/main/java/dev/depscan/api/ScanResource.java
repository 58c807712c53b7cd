package dev.depscan.api;

import dev.depscan.api.generated.ScanApi;
import dev.depscan.api.generated.model.ScanRequest;
import dev.depscan.auth.AuditLog;
import dev.depscan.git.UrlRejectedException;
import dev.depscan.job.Caller;
import dev.depscan.job.ForbiddenException;
import dev.depscan.job.Job;
import dev.depscan.job.JobService;
import dev.depscan.job.QueueFullException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import java.util.Optional;

/** {@code POST /api/v1/scan}: validates the request and hands it to the {@link JobService}. */
@ApplicationScoped
@Path("/")
public class ScanResource implements ScanApi {

    private static final int MAX_REF_LENGTH = 255;

    private final JobService jobs;
    private final AuditLog audit;

    @Context
    private UriInfo uriInfo;

    @Context
    private SecurityContext security;

    @Inject
    ScanResource(JobService jobs, AuditLog audit) {
        this.jobs = jobs;
        this.audit = audit;
    }

    @Override
    public Response submitScan(ScanRequest request, String idempotencyKey) {
        Optional<String> key = Optional.ofNullable(idempotencyKey).map(String::strip).filter(k -> !k.isEmpty());
        if (key.isPresent() && (key.get().length() > 255 || key.get().chars().anyMatch(ch -> ch < 0x20 || ch > 0x7e))) {
            throw new InvalidRequestException("'Idempotency-Key' must be 1 to 255 printable ASCII characters.");
        }
        if (request == null || request.getGitUrl() == null || request.getGitUrl().isBlank()) {
            throw new InvalidRequestException("'git_url' is required.");
        }
        Optional<String> ref = Optional.ofNullable(request.getRef()).map(String::strip).filter(r -> !r.isEmpty());
        if (ref.isPresent() && !validRef(ref.get())) {
            throw new InvalidRequestException("'ref' must be a branch, tag or commit name of at most " + MAX_REF_LENGTH
                                              + " characters without spaces, control characters or '..'.");
        }
        Caller caller = Callers.of(security);
        Job job;
        try {
            job = jobs.submit(request.getGitUrl().strip(), ref, caller, key);
        } catch (ForbiddenException | QueueFullException | UrlRejectedException e) {
            audit.submitRefused(caller.name(), e.getClass().getSimpleName());
            throw e;
        }
        audit.submitted(caller.name(), job.id(), job.gitUrl());
        return Response.accepted(ApiMapper.accepted(job))
                .location(uriInfo.getBaseUriBuilder().path("api/v1/jobs/{id}").build(job.id()))
                .build();
    }

    /** Git's own ref-name rules, reduced to what matters for safety: no options, spaces, controls or '..'. */
    private static boolean validRef(String ref) {
        return ref.length() <= MAX_REF_LENGTH
               && !ref.startsWith("-")
               && !ref.contains("..")
               && ref.chars().noneMatch(c -> c <= ' ' || c == 0x7f || c == '~' || c == '^' || c == ':' || c == '?'
                                              || c == '*' || c == '[' || c == '\\');
    }
}
