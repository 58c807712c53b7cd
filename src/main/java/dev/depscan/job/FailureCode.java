package dev.depscan.job;

/** Why a job failed; each maps to the contract's error code of the same name. */
public enum FailureCode {
    REPOSITORY_NOT_FOUND,
    CLONE_FAILED,
    REPOSITORY_TOO_LARGE,
    SCAN_TIMEOUT,
    SCAN_INTERRUPTED,
    SCANNING_ERROR,
    URL_NOT_ALLOWED,
    INTERNAL_ERROR
}
