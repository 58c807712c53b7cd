package dev.depscan.git.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Builds bare repositories under a root directory (the root a {@link GitHttpTestServer} serves), writing objects
 * straight into the object database with JGit: no work tree, no hooks, no user configuration, and trees may hold
 * entries real Git would refuse (symlinks, gitlinks, {@code ..} names) so the readers' defences can be tested.
 *
 * <p>Each {@code commit} is a full snapshot: the new commit's tree is exactly the given files, its parent is the
 * branch's previous tip (if any). A repository is created on first use with {@code HEAD -> refs/heads/main}.
 */
public final class TestRepositories {

    private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    private final Path root;
    private final AtomicLong clock = new AtomicLong();

    public TestRepositories(Path root) {
        this.root = root.toAbsolutePath();
    }

    /** The bare repository directory {@code <root>/<name>.git}. */
    public Path bareDir(String name) {
        return root.resolve(name + ".git");
    }

    /** Commits {@code files} (path to UTF-8 content) as the whole tree of a new commit on {@code branch}. */
    public String commit(String repo, String branch, Map<String, String> files) {
        Tree tree = new Tree();
        files.forEach(tree::file);
        return commit(repo, branch, tree, "commit " + files.keySet());
    }

    /** Commits {@code tree} as a new commit on {@code branch}; returns the commit id (40 hex). */
    public String commit(String repo, String branch, Tree tree, String message) {
        try (Repository repository = open(repo); ObjectInserter inserter = repository.newObjectInserter()) {
            ObjectId treeId = tree.write(inserter);
            String refName = Constants.R_HEADS + branch;
            Ref tip = repository.exactRef(refName);
            PersonIdent who = new PersonIdent("Test", "test@example.invalid",
                    EPOCH.plusSeconds(clock.incrementAndGet()), ZoneOffset.UTC);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(treeId);
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(message + "\n");
            if (tip != null) {
                commit.setParentId(tip.getObjectId());
            }
            ObjectId commitId = inserter.insert(commit);
            inserter.flush();
            setRef(repository, refName, commitId);
            return commitId.name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates or moves the lightweight tag {@code name} to {@code objectId}. */
    public void tag(String repo, String name, String objectId) {
        try (Repository repository = open(repo)) {
            setRef(repository, Constants.R_TAGS + name, ObjectId.fromString(objectId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the annotated tag {@code name} for the commit {@code commitId}; returns the tag object's id. */
    public String annotatedTag(String repo, String name, String commitId) {
        try (Repository repository = open(repo); ObjectInserter inserter = repository.newObjectInserter()) {
            TagBuilder tag = new TagBuilder();
            tag.setTag(name);
            tag.setObjectId(ObjectId.fromString(commitId), Constants.OBJ_COMMIT);
            tag.setTagger(new PersonIdent("Test", "test@example.invalid", EPOCH, ZoneOffset.UTC));
            tag.setMessage("tag " + name + "\n");
            ObjectId tagId = inserter.insert(tag);
            inserter.flush();
            setRef(repository, Constants.R_TAGS + name, tagId);
            return tagId.name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the repository's {@code HEAD} (the remote's default branch) at {@code branch}. */
    public void setDefaultBranch(String repo, String branch) {
        try (Repository repository = open(repo)) {
            RefUpdate update = repository.updateRef(Constants.HEAD);
            RefUpdate.Result result = update.link(Constants.R_HEADS + branch);
            if (result != RefUpdate.Result.FORCED && result != RefUpdate.Result.NEW && result != RefUpdate.Result.NO_CHANGE) {
                throw new IllegalStateException("cannot link HEAD: " + result);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Repository open(String name) throws IOException {
        Path dir = bareDir(name);
        Repository repository = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
        if (!repository.getObjectDatabase().exists()) {
            repository.create(true);
            repository.updateRef(Constants.HEAD).link(Constants.R_HEADS + "main");
        }
        return repository;
    }

    private static void setRef(Repository repository, String name, ObjectId id) throws IOException {
        RefUpdate update = repository.updateRef(name);
        update.setNewObjectId(id);
        update.setForceUpdate(true);
        RefUpdate.Result result = update.update();
        if (!List.of(RefUpdate.Result.NEW, RefUpdate.Result.FORCED, RefUpdate.Result.FAST_FORWARD,
                RefUpdate.Result.NO_CHANGE).contains(result)) {
            throw new IllegalStateException("cannot update " + name + ": " + result);
        }
    }

    /**
     * The entries of one commit's tree, by {@code /}-separated path. Paths are split on {@code /} and otherwise taken
     * verbatim, so {@code "a/../b"} really creates a tree named {@code ..}.
     */
    public static final class Tree {

        private final Map<String, Entry> entries = new LinkedHashMap<>();

        private record Entry(FileMode mode, byte[] content, ObjectId id) {
        }

        public Tree file(String path, String content) {
            return put(path, new Entry(FileMode.REGULAR_FILE, utf8(content), null));
        }

        public Tree file(String path, byte[] content) {
            return put(path, new Entry(FileMode.REGULAR_FILE, content.clone(), null));
        }

        public Tree executable(String path, String content) {
            return put(path, new Entry(FileMode.EXECUTABLE_FILE, utf8(content), null));
        }

        /** A symbolic link whose target is {@code target} (stored as the blob's content, like Git does). */
        public Tree symlink(String path, String target) {
            return put(path, new Entry(FileMode.SYMLINK, utf8(target), null));
        }

        /** A submodule entry (gitlink) pointing at a commit of another repository; no object is stored. */
        public Tree gitlink(String path, String commitId) {
            return put(path, new Entry(FileMode.GITLINK, null, ObjectId.fromString(commitId)));
        }

        private Tree put(String path, Entry entry) {
            entries.put(Objects.requireNonNull(path), entry);
            return this;
        }

        ObjectId write(ObjectInserter inserter) throws IOException {
            Node top = new Node();
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                Entry entry = e.getValue();
                ObjectId id = entry.id() != null ? entry.id() : inserter.insert(Constants.OBJ_BLOB, entry.content());
                top.add(Arrays.asList(e.getKey().split("/", -1)), entry.mode(), id);
            }
            return top.write(inserter);
        }

        private static byte[] utf8(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static final class Node {

        private final Map<String, Object> byName = new LinkedHashMap<>();

        void add(List<String> path, FileMode mode, ObjectId id) {
            String name = path.get(0);
            if (path.size() == 1) {
                byName.put(name, new Leaf(mode, id));
                return;
            }
            Object child = byName.computeIfAbsent(name, n -> new Node());
            if (!(child instanceof Node node)) {
                throw new IllegalArgumentException("'" + name + "' is both a file and a directory");
            }
            node.add(path.subList(1, path.size()), mode, id);
        }

        /** Entries go out the way Git sorts them: by name bytes, a subtree's name compared as if it ended in '/'. */
        ObjectId write(ObjectInserter inserter) throws IOException {
            TreeMap<String, Object> sorted = new TreeMap<>(TestRepositories::compareGitOrder);
            byName.forEach((name, child) -> sorted.put(child instanceof Node ? name + "/" : name, child));
            TreeFormatter formatter = new TreeFormatter();
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                if (e.getValue() instanceof Node node) {
                    String name = e.getKey().substring(0, e.getKey().length() - 1);
                    formatter.append(name, FileMode.TREE, node.write(inserter));
                } else {
                    Leaf leaf = (Leaf) e.getValue();
                    formatter.append(e.getKey(), leaf.mode(), leaf.id());
                }
            }
            return inserter.insert(formatter);
        }
    }

    private record Leaf(FileMode mode, ObjectId id) {
    }

    private static int compareGitOrder(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
