package dev.depscan.job;

import dev.depscan.git.RepositoryUrl;
import dev.depscan.git.UrlPolicy;
import dev.depscan.git.UrlRejectedException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Submits, reads, lists and cancels jobs. Never waits for a scan: every method answers from the store.
 */
@ApplicationScoped
public class JobService {

    private static final Logger LOGGER = Logger.getLogger(JobService.class.getName());

    private final JobStore store;
    private final JobRunner runner;
    private final Cancellations cancellations;
    private final UrlPolicy urlPolicy;
    private final JobMetrics metrics;
    private final int maxConcurrent;
    private final long timeoutSeconds;

    @Inject
    JobService(JobStore store, JobRunner runner, Cancellations cancellations, UrlPolicy urlPolicy, JobMetrics metrics,
               @ConfigProperty(name = "depscan.jobs.max-concurrent", defaultValue = "5") int maxConcurrent,
               @ConfigProperty(name = "depscan.jobs.timeout-seconds", defaultValue = "1800") long timeoutSeconds) {
        this.store = store;
        this.runner = runner;
        this.cancellations = cancellations;
        this.urlPolicy = urlPolicy;
        this.metrics = metrics;
        this.maxConcurrent = maxConcurrent;
        this.timeoutSeconds = timeoutSeconds;
    }

    /**
     * Accepts a repository for scanning and queues its job.
     *
     * @throws dev.depscan.git.UrlRejectedException when the URL is malformed or not allowed
     * @throws QueueFullException when every slot and the waiting queue are taken
     */
    public Job submit(String gitUrl, Optional<String> ref, String owner) {
        RepositoryUrl url = urlPolicy.check(gitUrl);
        Job job = Job.pending(UUID.randomUUID().toString(), owner, url.normalized(), url.uri().toString(), ref,
                              Instant.now());
        store.insert(job);
        store.saveProgress(job.id(), JobProgress.none(job.createdAt()));
        CompletableFuture<Void> execution;
        try {
            execution = runner.run(job.id()).toCompletableFuture();
        } catch (BulkheadException e) {
            throw rejected(job);
        }
        if (execution.isCompletedExceptionally() && causeOf(execution) instanceof BulkheadException) {
            throw rejected(job);
        }
        execution.whenComplete((ignored, error) -> {
            if (error != null) {
                ended(job.id(), unwrap(error));
            }
        });
        metrics.submitted();
        return job;
    }

    /**
     * The form under which jobs of {@code gitUrl} are stored, for filtering the history. A URL the policy rejects
     * cannot have jobs, so it is returned as given and matches nothing.
     */
    public String normalizedUrl(String gitUrl) {
        try {
            return urlPolicy.check(gitUrl).normalized();
        } catch (UrlRejectedException e) {
            return gitUrl;
        }
    }

    public Job get(String id) {
        return store.find(id).orElseThrow(() -> new JobNotFoundException(id));
    }

    public JobPage list(JobQuery query) {
        return store.list(query);
    }

    /** @throws JobNotCompletedException when the job has not completed */
    public JobResult result(String id) {
        Job job = get(id);
        if (!(job.state() instanceof JobState.Completed)) {
            throw new JobNotCompletedException(job);
        }
        return store.result(id).orElseThrow(() -> new JobNotCompletedException(job));
    }

    public JobProgress progress(String id) {
        Job job = get(id);
        return store.progress(id).orElseGet(() -> JobProgress.none(job.createdAt()));
    }

    /**
     * Cancels a pending or running job: it becomes {@code cancelled} at once and its work stops at the next check.
     *
     * @throws JobAlreadyFinishedException when the job has already ended
     */
    public Job cancel(String id) {
        AtomicBoolean cancelledNow = new AtomicBoolean();
        Job after = store.update(id, job -> {
            if (job.state().terminal()) {
                return job;
            }
            cancelledNow.set(true);
            return job.finished(new JobState.Cancelled(), Instant.now());
        }).orElseThrow(() -> new JobNotFoundException(id));
        if (!cancelledNow.get()) {
            throw new JobAlreadyFinishedException(after);
        }
        cancellations.cancel(id);
        metrics.cancelled();
        return after;
    }

    private void ended(String jobId, Throwable error) {
        cancellations.cancel(jobId);
        JobFailure failure = error instanceof TimeoutException
                ? new JobFailure(FailureCode.SCAN_TIMEOUT, "The scan took longer than " + timeoutSeconds + " seconds.")
                : new JobFailure(FailureCode.INTERNAL_ERROR, "The job could not be run.");
        if (!(error instanceof TimeoutException)) {
            LOGGER.log(Level.WARNING, "job " + jobId + " ended abnormally", error);
        }
        store.update(jobId, job -> job.state().terminal()
                ? job : job.finished(new JobState.Failed(failure), Instant.now()))
                .filter(job -> job.state() instanceof JobState.Failed f && f.failure().equals(failure))
                .ifPresent(job -> metrics.failed(failure.code()));
    }

    private QueueFullException rejected(Job job) {
        store.delete(job.id());
        metrics.rejected();
        Duration mean = metrics.meanScanDuration();
        long seconds = Math.max(1, mean.toSeconds() / Math.max(1, maxConcurrent));
        return new QueueFullException(Duration.ofSeconds(Math.max(seconds, 5)));
    }

    private static Throwable causeOf(CompletableFuture<?> future) {
        try {
            future.get();
            return null;
        } catch (ExecutionException e) {
            return unwrap(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (java.util.concurrent.CancellationException e) {
            return e;
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
               && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
