package dev.depscan.job;

/** The job has no result: it is still queued or running, or it ended without one. */
public final class JobNotCompletedException extends RuntimeException {

    public JobNotCompletedException(Job job) {
        super("Job '" + job.id() + "' is " + job.state().status() + " and has no result"
              + (job.state().terminal() ? "." : " yet."));
    }
}
