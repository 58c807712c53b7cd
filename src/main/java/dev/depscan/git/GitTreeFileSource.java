package dev.depscan.git;

import dev.depscan.scan.FileReadException;
import dev.depscan.scan.FileSource;
import dev.depscan.scan.FileTooLargeException;
import dev.depscan.scan.ScanLimitException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The files of one commit, read straight from a (bare) repository's object database: nothing is checked out, so
 * symlinks, submodules and hostile names in the tree can do no harm.
 *
 * <p>Only regular and executable files are listed. Entries whose path is unsafe anywhere else ({@code .} or
 * {@code ..} segments, backslashes, control characters, a {@code .git} segment, names that are not valid UTF-8) are
 * left out rather than cleaned up, so a listed path always names exactly one blob. Reads are thread-safe: each opens
 * its own {@link ObjectReader}, and a blob's size is checked before it is loaded.
 */
public final class GitTreeFileSource implements FileSource, AutoCloseable {

    /** One million entries: several times the largest public monorepos' trees. */
    public static final int DEFAULT_MAX_ENTRIES = 1_000_000;

    private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-fA-F]{40}");

    private final Repository repository;
    private final Map<String, ObjectId> files;
    private final List<String> paths;
    private final AtomicBoolean closed = new AtomicBoolean();

    private GitTreeFileSource(Repository repository, Map<String, ObjectId> files) {
        this.repository = repository;
        this.files = files;
        this.paths = List.copyOf(files.keySet());
    }

    /**
     * Lists the tree of {@code commitId} in the repository at {@code gitDir}. The caller closes the source.
     *
     * @throws IllegalArgumentException when {@code commitId} is not a full 40-hex commit id
     * @throws FileReadException        when the repository or the commit cannot be read
     */
    public static GitTreeFileSource open(Path gitDir, String commitId) {
        return open(gitDir, commitId, DEFAULT_MAX_ENTRIES);
    }

    /**
     * Like {@link #open(Path, String)}, refusing a tree of more than {@code maxEntries} entries (files, links and
     * submodules, at any depth) with a {@link ScanLimitException} while walking it.
     */
    public static GitTreeFileSource open(Path gitDir, String commitId, int maxEntries) {
        Objects.requireNonNull(gitDir, "gitDir");
        Objects.requireNonNull(commitId, "commitId");
        if (!COMMIT_ID.matcher(commitId).matches()) {
            throw new IllegalArgumentException("commitId must be a full 40-hex commit id");
        }
        Repository repository;
        try {
            repository = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
        } catch (IOException | RuntimeException e) {
            throw new FileReadException("the repository of commit " + commitId + " cannot be opened", e);
        }
        try {
            return new GitTreeFileSource(repository, list(repository, ObjectId.fromString(commitId), maxEntries));
        } catch (ScanLimitException e) {
            repository.close();
            throw e;
        } catch (IOException | RuntimeException e) {
            repository.close();
            throw new FileReadException("the tree of commit " + commitId + " cannot be read", e);
        }
    }

    private static Map<String, ObjectId> list(Repository repository, ObjectId commitId, int maxEntries)
            throws IOException {
        Map<String, ObjectId> files = new TreeMap<>();
        int entries = 0;
        try (ObjectReader reader = repository.newObjectReader();
                RevWalk walk = new RevWalk(reader);
                TreeWalk tree = new TreeWalk(repository, reader)) {
            RevCommit commit = walk.parseCommit(commitId);
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                if (++entries > maxEntries) {
                    throw new ScanLimitException("the repository's tree has more than " + maxEntries + " entries");
                }
                FileMode mode = tree.getFileMode(0);
                if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
                    continue;
                }
                safePath(tree.getRawPath()).ifPresent(path -> files.putIfAbsent(path, tree.getObjectId(0)));
            }
        }
        return files;
    }

    /** The path as a string when every segment is a plain, harmless name; empty otherwise. */
    static Optional<String> safePath(byte[] raw) {
        String path;
        try {
            path = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
            return Optional.empty();
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
                    || segment.toLowerCase(Locale.ROOT).equals(Constants.DOT_GIT)) {
                return Optional.empty();
            }
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || (c >= 0x80 && c <= 0x9f)) {
                return Optional.empty();
            }
        }
        return Optional.of(path);
    }

    @Override
    public List<String> paths() {
        return paths;
    }

    @Override
    public byte[] read(String path, int maxBytes) {
        Objects.requireNonNull(path, "path");
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative");
        }
        if (closed.get()) {
            throw new IllegalStateException("the file source is closed");
        }
        ObjectId id = files.get(path);
        if (id == null) {
            throw new FileReadException("'" + path + "' is not a file of the tree");
        }
        try (ObjectReader reader = repository.newObjectReader()) {
            long size = reader.getObjectSize(id, Constants.OBJ_BLOB);
            if (size > maxBytes) {
                throw new FileTooLargeException(path, maxBytes);
            }
            return reader.open(id, Constants.OBJ_BLOB).getCachedBytes(maxBytes);
        } catch (LargeObjectException e) {
            throw new FileTooLargeException(path, maxBytes);
        } catch (IOException | RuntimeException e) {
            if (e instanceof FileReadException fileReadException) {
                throw fileReadException;
            }
            throw new FileReadException("'" + path + "' cannot be read", e);
        }
    }

    /** Closes the repository; reads afterwards fail. Safe to call more than once. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            repository.close();
        }
    }
}
