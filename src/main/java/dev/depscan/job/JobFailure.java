package dev.depscan.job;

import java.util.Objects;

/**
 * Why a job failed.
 *
 * @param code    stable code
 * @param message safe to show to any caller: no stack traces, paths or secrets
 */
public record JobFailure(FailureCode code, String message) {

    public JobFailure {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
