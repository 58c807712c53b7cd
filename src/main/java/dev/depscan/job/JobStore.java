package dev.depscan.job;

import dev.depscan.classify.ClassifiedFinding;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where jobs, their live progress and their results are kept. Implementations make every {@link #update} atomic:
 * two concurrent updates of one job never lose each other's change.
 */
public interface JobStore {

    void insert(Job job);

    /** Inserts {@code job}, remembering it as {@code owner}'s job for {@code idempotencyKey}. */
    void insert(Job job, String idempotencyKey);

    /** The job {@code owner} submitted with {@code idempotencyKey}, if any (and not yet removed by retention). */
    Optional<Job> findByIdempotencyKey(String owner, String idempotencyKey);

    Optional<Job> find(String id);

    /**
     * Applies {@code change} to the stored job atomically and returns the job as stored afterwards; empty when
     * there is no such job. {@code change} may return its argument unchanged to leave the job as it is.
     */
    Optional<Job> update(String id, UnaryOperator<Job> change);

    /** Removes a job and everything stored with it. */
    void delete(String id);

    JobPage list(JobQuery query);

    /** Jobs whose {@link JobState#status()} is {@code status}. */
    long count(String status);

    /** Jobs that are pending or running: the occupied scan slots plus the waiting queue. */
    default long countUnfinished() {
        return count(JobState.PENDING) + count(JobState.RUNNING);
    }

    /**
     * Removes finished jobs (with their progress and results) that finished before {@code finishedBefore}, and the
     * oldest finished jobs beyond the newest {@code keepAtMost}. Pending and running jobs are never removed.
     *
     * @return how many jobs were removed
     */
    int purgeFinished(Instant finishedBefore, int keepAtMost);

    /** Appends findings a running job has just found, for live event streams. */
    void appendFindings(String id, List<ClassifiedFinding> findings);

    /** The live findings of a job from index {@code from} on, in the order they were found; empty when none. */
    List<ClassifiedFinding> findings(String id, int from);

    void saveProgress(String id, JobProgress progress);

    Optional<JobProgress> progress(String id);

    void saveResult(String id, JobResult result);

    Optional<JobResult> result(String id);
}
