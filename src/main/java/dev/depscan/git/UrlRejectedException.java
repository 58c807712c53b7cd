package dev.depscan.git;

import java.util.Objects;

/**
 * A Git URL was refused before anything was fetched. The message is safe to show to the caller: it never contains
 * credentials (user information is cut from the echoed URL) nor anything resolved on the server side beyond the fact
 * that an address is private.
 */
public final class UrlRejectedException extends RuntimeException {

    /** Why the URL was refused; maps onto the API's stable error codes. */
    public enum Reason {
        /** Not a URL this service can fetch at all: malformed, unsupported scheme, credentials, query, too long. */
        INVALID_GIT_URL,
        /** A well-formed URL the configuration forbids: host not allow-listed, private address, plain HTTP. */
        URL_NOT_ALLOWED
    }

    private final Reason reason;

    public UrlRejectedException(Reason reason, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
