package dev.depscan.scan;

/** A file of a {@link FileSource} could not be read. The message names the path, never an absolute location. */
public class FileReadException extends RuntimeException {

    public FileReadException(String message, Throwable cause) {
        super(message, cause);
    }

    public FileReadException(String message) {
        super(message);
    }
}
