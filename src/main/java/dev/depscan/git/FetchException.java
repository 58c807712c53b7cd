package dev.depscan.git;

import java.util.Objects;

/**
 * Fetching a repository failed. The message is safe to show to the caller (no local paths, credentials or stack
 * traces); the cause, when there is one, is JGit's exception, for logs only.
 */
public final class FetchException extends RuntimeException {

    /** Why the fetch failed; maps onto the API's stable error codes. */
    public enum Reason {
        /** The repository or the requested ref does not exist, or the host wants credentials we do not have. */
        REPOSITORY_NOT_FOUND,
        /** Anything else: connection refused, timeout, broken pack, local I/O trouble. */
        CLONE_FAILED,
        /** The listener asked to stop, or the calling thread was interrupted. */
        CANCELLED,
        /** At connect time the host resolved only to addresses the URL policy forbids (e.g. DNS rebinding). */
        ADDRESS_NOT_ALLOWED,
        /** The server sent more than the configured transfer limit; the fetch stopped while receiving. */
        TOO_LARGE
    }

    private final Reason reason;

    public FetchException(Reason reason, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public FetchException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
