package dev.depscan.job;

/** No job with this id exists (or the caller may not see it). */
public final class JobNotFoundException extends RuntimeException {

    public JobNotFoundException(String id) {
        super("No job with id '" + id + "'.");
    }
}
