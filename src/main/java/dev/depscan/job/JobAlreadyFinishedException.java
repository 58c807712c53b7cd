package dev.depscan.job;

/** A finished job cannot be cancelled. */
public final class JobAlreadyFinishedException extends RuntimeException {

    public JobAlreadyFinishedException(Job job) {
        super("Job '" + job.id() + "' has already ended (" + job.state().status() + ").");
    }
}
