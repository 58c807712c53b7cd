package dev.depscan.classify;

/** A category file that cannot be used; the message names the problem and where it is, never an absolute path. */
public final class CategoryConfigException extends RuntimeException {

    public CategoryConfigException(String message) {
        super(message);
    }

    public CategoryConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
