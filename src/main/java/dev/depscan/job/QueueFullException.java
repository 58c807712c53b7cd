package dev.depscan.job;

import java.time.Duration;

/** Every scan slot and the whole waiting queue are taken; the caller should retry after {@link #retryAfter()}. */
public final class QueueFullException extends RuntimeException {

    private final Duration retryAfter;

    QueueFullException(Duration retryAfter) {
        super("All scan slots and the waiting queue are taken; retry later.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
