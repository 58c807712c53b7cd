package dev.depscan.scan;

/** The scan stopped because its {@link ScanListener} asked it to (job cancelled or timed out). */
public final class ScanCancelledException extends RuntimeException {

    public ScanCancelledException() {
        super("scan cancelled");
    }
}
