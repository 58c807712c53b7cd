package dev.depscan.job;

import dev.depscan.classify.ClassifiedFinding;

import dev.depscan.git.RepositoryUrl;
import dev.depscan.git.UrlPolicy;
import dev.depscan.git.UrlRejectedException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Submits, reads, lists and cancels jobs. Never waits for a scan: every method answers from the store.
 *
 * <p>The waiting queue is the store's unfinished jobs: a submission is refused when {@code max-concurrent +
 * queue-size} jobs are already pending or running, and the runner's bulkhead bounds how many run at once.
 */
@ApplicationScoped
public class JobService {

    private static final Logger LOGGER = Logger.getLogger(JobService.class.getName());
    private static final Duration REDISPATCH_DELAY = Duration.ofMillis(200);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(10);

    private final JobStore store;
    private final JobRunner runner;
    private final Cancellations cancellations;
    private final UrlPolicy urlPolicy;
    private final JobMetrics metrics;
    private final int maxConcurrent;
    private final int queueSize;
    private final long timeoutSeconds;
    private final ReentrantLock submissions = new ReentrantLock();
    private final ScheduledExecutorService redispatcher =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("depscan-redispatch").factory());

    @Inject
    JobService(JobStore store, JobRunner runner, Cancellations cancellations, UrlPolicy urlPolicy, JobMetrics metrics,
               @ConfigProperty(name = "depscan.jobs.max-concurrent", defaultValue = "5") int maxConcurrent,
               @ConfigProperty(name = "depscan.jobs.queue-size", defaultValue = "100") int queueSize,
               @ConfigProperty(name = "depscan.jobs.timeout-seconds", defaultValue = "1800") long timeoutSeconds) {
        this.store = store;
        this.runner = runner;
        this.cancellations = cancellations;
        this.urlPolicy = urlPolicy;
        this.metrics = metrics;
        this.maxConcurrent = maxConcurrent;
        this.queueSize = queueSize;
        this.timeoutSeconds = timeoutSeconds;
    }

    /**
     * Accepts a repository for scanning and queues its job.
     *
     * @throws UrlRejectedException when the URL is malformed or not allowed
     * @throws QueueFullException when every slot and the waiting queue are taken
     */
    public Job submit(String gitUrl, Optional<String> ref, Caller caller) {
        return submit(gitUrl, ref, caller, Optional.empty());
    }

    /**
     * Like {@link #submit(String, Optional, Caller)}; with an idempotency key, the job this principal already
     * submitted under the same key is returned instead of a new one.
     */
    public Job submit(String gitUrl, Optional<String> ref, Caller caller, Optional<String> idempotencyKey) {
        if (!caller.maySubmit()) {
            throw new ForbiddenException("Submitting scans needs the 'scanner' or 'admin' role.");
        }
        String owner = caller.name();
        RepositoryUrl url = urlPolicy.check(gitUrl);
        Job job;
        submissions.lock();
        try {
            Optional<Job> earlier = idempotencyKey.flatMap(key -> replay(owner, key, url, ref));
            if (earlier.isPresent()) {
                return earlier.get();
            }
            long unfinished = store.countUnfinished();
            if (unfinished >= (long) maxConcurrent + queueSize) {
                metrics.rejected();
                throw new QueueFullException(retryAfter(unfinished));
            }
            job = Job.pending(UUID.randomUUID().toString(), owner, url.normalized(), url.uri().toString(), ref,
                              Instant.now());
            if (idempotencyKey.isPresent()) {
                store.insert(job, idempotencyKey.get());
            } else {
                store.insert(job);
            }
        } finally {
            submissions.unlock();
        }
        store.saveProgress(job.id(), JobProgress.none(job.createdAt()));
        metrics.submitted();
        dispatch(job.id());
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

    /** @throws JobNotFoundException when there is no such job, or the caller may not see it */
    public Job get(String id, Caller caller) {
        return store.find(id).filter(caller::sees).orElseThrow(() -> new JobNotFoundException(id));
    }

    /** The history the caller may see: their own jobs, or every job for {@code reader} and {@code admin}. */
    public JobPage list(JobQuery query, Caller caller) {
        return store.list(caller.seesAll() ? query : query.ownedBy(caller.name()));
    }

    /** @throws JobNotCompletedException when the job has not completed */
    public JobResult result(String id, Caller caller) {
        Job job = get(id, caller);
        if (!(job.state() instanceof JobState.Completed)) {
            throw new JobNotCompletedException(job);
        }
        return store.result(id).orElseThrow(() -> new JobNotCompletedException(job));
    }

    /** Findings of a running job from index {@code from} on, in the order the scan found them. */
    public List<ClassifiedFinding> liveFindings(String id, int from, Caller caller) {
        get(id, caller);
        return store.findings(id, from);
    }

    /** The completed job's result, if it has one. */
    public Optional<JobResult> completedResult(String id, Caller caller) {
        get(id, caller);
        return store.result(id);
    }

    public JobProgress progress(String id, Caller caller) {
        Job job = get(id, caller);
        return store.progress(id).orElseGet(() -> JobProgress.none(job.createdAt()));
    }

    /**
     * Cancels a pending or running job: it becomes {@code cancelled} at once and its work stops at the next check.
     *
     * @throws JobAlreadyFinishedException when the job has already ended
     * @throws ForbiddenException when the caller may see the job but not cancel it
     */
    public Job cancel(String id, Caller caller) {
        Job seen = get(id, caller);
        if (!caller.mayCancel(seen)) {
            throw new ForbiddenException("Cancelling another principal's job needs the 'admin' role.");
        }
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

    /**
     * After a restart, every job the store still holds as pending or running is queued again, oldest first: a job
     * that was running when the process stopped starts over from the fetch (its partial work is gone with the process).
     */
    void resumeUnfinished(@Observes @Initialized(ApplicationScoped.class) Object event) {
        List<Job> unfinished = new ArrayList<>();
        for (String status : List.of(JobState.RUNNING, JobState.PENDING)) {
            int page = 1;
            JobPage batch;
            do {
                batch = store.list(new JobQuery(Optional.of(status), Optional.empty(), page++, JobQuery.MAX_PER_PAGE));
                unfinished.addAll(batch.jobs());
            } while (batch.jobs().size() == JobQuery.MAX_PER_PAGE);
        }
        unfinished.sort(java.util.Comparator.comparing(Job::createdAt));
        for (Job job : unfinished) {
            store.update(job.id(), current -> current.state() instanceof JobState.Running
                    ? current.requeued() : current);
            dispatch(job.id());
        }
        if (!unfinished.isEmpty()) {
            LOGGER.info(() -> unfinished.size() + " unfinished jobs queued again after a restart");
        }
    }

    @PreDestroy
    void stop() {
        redispatcher.shutdownNow();
    }

    /**
     * Hands a pending job to the runner. Helidon applies the bulkhead on the runner's own thread, so a rejection
     * (a slot not yet released by a job that has just ended) arrives through the returned stage; the job then stays
     * pending and is handed over again shortly. It is never failed or lost for it.
     */
    private void dispatch(String jobId) {
        CompletionStage<Void> execution;
        try {
            execution = runner.run(jobId);
        } catch (BulkheadException e) {
            redispatch(jobId);
            return;
        }
        execution.whenComplete((ignored, error) -> {
            if (error == null) {
                return;
            }
            Throwable cause = unwrap(error);
            if (cause instanceof BulkheadException) {
                redispatch(jobId);
            } else {
                ended(jobId, cause);
            }
        });
    }

    private void redispatch(String jobId) {
        boolean pending = store.find(jobId).map(job -> job.state() instanceof JobState.Pending).orElse(false);
        if (pending && !redispatcher.isShutdown()) {
            redispatcher.schedule(() -> dispatch(jobId), REDISPATCH_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The runner's stage failed: a timeout, or a failure outside the pipeline's own handling. */
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
                .filter(job -> job.state() instanceof JobState.Failed failed && failed.failure().equals(failure))
                .ifPresent(job -> metrics.failed(failure.code()));
    }

    /** When a slot is likely free: one mean scan time for each round of slots ahead of the caller. */
    private Duration retryAfter(long unfinished) {
        Duration mean = metrics.meanScanDuration();
        if (mean.isZero()) {
            return DEFAULT_RETRY_AFTER;
        }
        long rounds = Math.max(1, (unfinished - maxConcurrent) / Math.max(1, maxConcurrent) + 1);
        return Duration.ofSeconds(Math.max(1, mean.multipliedBy(rounds).toSeconds()));
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
               && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** The job {@code owner} already submitted under {@code key}, if any; the same key for another request is refused. */
    private Optional<Job> replay(String owner, String key, RepositoryUrl url, Optional<String> ref) {
        Optional<Job> earlier = store.findByIdempotencyKey(owner, key);
        if (earlier.isPresent() && !(earlier.get().gitUrl().equals(url.normalized()) && earlier.get().ref().equals(ref))) {
            throw new IdempotencyKeyReusedException(key, earlier.get());
        }
        return earlier;
    }
}
