package dev.depscan.job;

/** An idempotency key that already names a job for another repository or ref cannot name a second submission. */
public final class IdempotencyKeyReusedException extends RuntimeException {

    IdempotencyKeyReusedException(String key, Job earlier) {
        super("Idempotency-Key '" + key + "' was already used for job '" + earlier.id()
              + "' with a different git_url or ref.");
    }
}
