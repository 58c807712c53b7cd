package dev.depscan.api;

/** A request that breaks a constraint of the contract; answered with {@code 400 VALIDATION_FAILED}. */
public final class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
