package dev.depscan.scan;

/** A file is larger than the limit its reader set; it is reported as a scan issue and skipped. */
public final class FileTooLargeException extends FileReadException {

    public FileTooLargeException(String path, long limit) {
        super("'" + path + "' is larger than " + limit + " bytes");
    }
}
