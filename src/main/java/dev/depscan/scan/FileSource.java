package dev.depscan.scan;

import java.util.List;

/**
 * A read-only tree of files to scan: the Git tree of one commit, or a directory on disk.
 *
 * <p>Implementations list regular files only (no symlinks, submodules or special files), with repository-relative,
 * {@code /}-separated paths that never contain {@code ..} segments, sorted by path. They must be safe to read from
 * several threads at once.
 */
public interface FileSource {

    /** Every regular file of the tree, sorted by path. */
    List<String> paths();

    /**
     * The content of one listed file.
     *
     * @throws FileTooLargeException when the file is larger than {@code maxBytes}
     * @throws FileReadException when the file cannot be read
     */
    byte[] read(String path, int maxBytes);
}
