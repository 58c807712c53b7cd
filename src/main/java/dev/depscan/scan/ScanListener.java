package dev.depscan.scan;

/**
 * Observes a scan while it runs and may stop it. Called on the scanning thread; implementations must be quick.
 */
public interface ScanListener {

    /** A listener that watches nothing and never cancels. */
    ScanListener NONE = new ScanListener() {
    };

    /** Called after each file, at most a few thousand times a second. */
    default void onProgress(ScanProgress progress) {
    }

    /**
     * Called once per package, the first time any plugin reports it, with a finding that has only that first source
     * (the report's finding merges every source). Manifest findings come as their files are read, import findings
     * once every file has been read.
     */
    default void onFinding(Finding finding) {
    }

    /** Checked between files; returning true makes the scan throw {@link ScanCancelledException}. */
    default boolean cancelled() {
        return false;
    }
}
