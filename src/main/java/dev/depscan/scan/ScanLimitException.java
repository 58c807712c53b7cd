package dev.depscan.scan;

/**
 * The tree is larger than a configured scan limit (entries in the tree, total bytes read). The scan stops: a partial
 * answer for a repository this size would look complete while it is not. The message is safe to show to callers.
 */
public final class ScanLimitException extends RuntimeException {

    public ScanLimitException(String message) {
        super(message);
    }
}
