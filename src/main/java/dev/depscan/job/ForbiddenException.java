package dev.depscan.job;

/** The caller's roles do not allow this action; the message says which role would. */
public final class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
