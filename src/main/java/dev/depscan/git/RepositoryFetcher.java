package dev.depscan.git;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.internal.JGitText;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.lib.SubmoduleConfig.FetchRecurseSubmodulesMode;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.TransportHttp;

/**
 * Fetches one commit of a repository, shallow (depth 1), into a cache of bare repositories, one per
 * {@link RepositoryUrl#normalized() normalized URL}. Nothing is ever checked out: the scanner reads the commit's tree
 * from the object database ({@link GitTreeFileSource}). A later fetch of the same URL reuses the repository and
 * transfers only what is new.
 *
 * <p>The fetch runs on a virtual thread of its own while the calling thread watches the {@link FetchListener}: when
 * the listener cancels or the caller is interrupted, the fetch thread is interrupted, which closes its socket, so a
 * stalled server cannot hold a cancelled job. Fetches of the same URL through one fetcher are serialised; a fetcher
 * should therefore be shared by everything that uses its cache directory. Redirects are not followed, so a host the
 * {@link UrlPolicy} accepted cannot send the fetch elsewhere.
 */
public final class RepositoryFetcher {

    /** Where the fetched commit is kept in each cache repository; one ref, force-updated by every fetch. */
    static final String FETCHED_REF = "refs/depscan/fetched";

    private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-fA-F]{40}");
    private static final Pattern ABBREVIATED_ID = Pattern.compile("[0-9a-fA-F]{4,39}");
    private static final long POLL_MILLIS = 50;
    /** 1 GiB: a depth-1 pack of all but the very largest monorepos. */
    public static final long DEFAULT_MAX_TRANSFER_BYTES = 1L << 30;

    private final Path cacheDir;
    private final int timeoutSeconds;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Predicate<InetAddress> connectAllowed;
    private final long maxTransferBytes;
    private final HostTokens tokens;

    /**
     * @param cacheDir directory holding the cached bare repositories; created when needed
     * @param timeout  connect and read timeout of the Git transport (whole seconds, at least one)
     */
    public RepositoryFetcher(Path cacheDir, Duration timeout) {
        this(cacheDir, timeout, address -> true);
    }

    /**
     * @param cacheDir       directory holding the cached bare repositories; created when needed
     * @param timeout        connect and read timeout of the Git transport (whole seconds, at least one)
     * @param connectAllowed decides, when a fetch resolves a host name, which of its addresses may be connected to
     *                       (see {@link AddressGuard}); the {@link UrlPolicy} decided the same once at submission
     */
    public RepositoryFetcher(Path cacheDir, Duration timeout, Predicate<InetAddress> connectAllowed) {
        this(cacheDir, timeout, connectAllowed, DEFAULT_MAX_TRANSFER_BYTES);
    }

    /**
     * @param maxTransferBytes most bytes one fetch may receive over HTTP (pack and protocol together); a fetch over it
     *                         fails with {@link FetchException.Reason#TOO_LARGE} while receiving
     */
    public RepositoryFetcher(Path cacheDir, Duration timeout, Predicate<InetAddress> connectAllowed,
                             long maxTransferBytes) {
        this(cacheDir, timeout, connectAllowed, maxTransferBytes, HostTokens.NONE);
    }

    /**
     * @param tokens access tokens for private repositories, each sent only to its own host; never stored with a job,
     *               shown or logged
     */
    public RepositoryFetcher(Path cacheDir, Duration timeout, Predicate<InetAddress> connectAllowed,
                             long maxTransferBytes, HostTokens tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        if (maxTransferBytes < 1) {
            throw new IllegalArgumentException("maxTransferBytes must be positive");
        }
        this.maxTransferBytes = maxTransferBytes;
        LimitedHttpConnectionFactory.install();
        this.connectAllowed = Objects.requireNonNull(connectAllowed, "connectAllowed");
        IsolatedGitConfig.install();
        if (!AddressGuard.ensureInstalled()) {
            throw new IllegalStateException("the guarded name resolver is not installed; refusing to fetch without "
                                            + "connect-time address checks");
        }
        this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir").toAbsolutePath();
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        this.timeoutSeconds = (int) Math.min(Integer.MAX_VALUE, Math.max(1, (timeout.toMillis() + 999) / 1000));
    }

    /**
     * Fetches {@code ref} of {@code url} (depth 1) and returns the commit it names.
     *
     * @param ref a branch or tag name, a full ref ({@code refs/...}) or a full 40-hex commit id; when empty, the
     *            remote's default branch ({@code HEAD})
     * @throws FetchException {@code REPOSITORY_NOT_FOUND} for a missing repository or ref (or one that needs
     *                        credentials), {@code CANCELLED} when the listener cancelled or the thread was interrupted,
     *                        {@code CLONE_FAILED} otherwise
     */
    public FetchedRepository fetch(RepositoryUrl url, Optional<String> ref, FetchListener listener) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(listener, "listener");
        String scheme = Objects.requireNonNullElse(url.uri().getScheme(), "").toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("only http(s) URLs can be fetched");
        }
        Path dir = directoryOf(url);
        Watch watch = new Watch(listener);
        ReentrantLock lock = locks.computeIfAbsent(dir.getFileName().toString(), key -> new ReentrantLock());
        watch.acquire(lock, url);
        try {
            listener.onProgress(0);
            FetchedRepository fetched = watch.run(
                    () -> AddressGuard.during(connectAllowed, () -> TransferLimit.during(
                            maxTransferBytes, () -> fetchLocked(url, ref, dir, watch))), url);
            listener.onProgress(100);
            return fetched;
        } finally {
            lock.unlock();
            watch.restoreInterrupt();
        }
    }

    /** Removes the cached repository of {@code url}, if any; waits for a fetch of the same URL to finish. */
    public void delete(RepositoryUrl url) {
        Path dir = directoryOf(url);
        ReentrantLock lock = locks.computeIfAbsent(dir.getFileName().toString(), key -> new ReentrantLock());
        lock.lock();
        try {
            deleteRecursively(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete a cached repository", e);
        } finally {
            lock.unlock();
        }
    }

    /** The directory holding the cached repositories. */
    Path cacheDir() {
        return cacheDir;
    }

    /** The cache directory of {@code url}: named by the SHA-256 of the normalized URL, so any URL is a safe name. */
    Path directoryOf(RepositoryUrl url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.normalized().getBytes(StandardCharsets.UTF_8));
            return cacheDir.resolve(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private FetchedRepository fetchLocked(RepositoryUrl url, Optional<String> ref, Path dir, Watch watch) {
        boolean existed = Files.exists(dir);
        try {
            Optional<Repository> cached = existed ? openExisting(dir) : Optional.empty();
            if (cached.isEmpty()) {
                if (existed) {
                    deleteRecursively(dir);
                    existed = false;
                }
                return fetchInto(create(dir), url, ref, dir, watch);
            }
            try {
                return fetchInto(cached.get(), url, ref, dir, watch);
            } catch (FetchException e) {
                if (!mayBeLocalCorruption(e)) {
                    throw e;
                }
                deleteRecursively(dir);
                existed = false;
                return fetchInto(create(dir), url, ref, dir, watch);
            }
        } catch (IOException e) {
            throw cleanUp(dir, existed, new FetchException(FetchException.Reason.CLONE_FAILED,
                    "could not prepare the local copy of " + url.normalized(), e));
        } catch (FetchException e) {
            throw cleanUp(dir, existed, e);
        } catch (RuntimeException e) {
            throw cleanUp(dir, existed, translate(e, url, watch));
        }
    }

    private static FetchException cleanUp(Path dir, boolean existed, FetchException failure) {
        if (!existed) {
            try {
                deleteRecursively(dir);
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
        return failure;
    }

    /** A failure that did not come from the network might come from a damaged cached repository: worth one retry. */
    private static boolean mayBeLocalCorruption(FetchException e) {
        if (e.reason() != FetchException.Reason.CLONE_FAILED) {
            return false;
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SocketException || t instanceof InterruptedIOException
                    || t instanceof UnknownHostException || t instanceof NoRemoteRepositoryException) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Repository> openExisting(Path dir) {
        try {
            Repository repository = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().setMustExist(true).build();
            if (repository.getObjectDatabase().exists() && repository.isBare()) {
                configure(repository);
                return Optional.of(repository);
            }
            repository.close();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Repository create(Path dir) throws IOException {
        Files.createDirectories(dir.getParent());
        Repository repository = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
        repository.create(true);
        configure(repository);
        repository.getConfig().save();
        return repository;
    }

    /**
     * No redirects (the URL policy checked this host only). No automatic GC: JGit would run it on a background thread
     * after a fetch, racing with readers of the repository and with cache eviction.
     */
    private static void configure(Repository repository) {
        StoredConfig config = repository.getConfig();
        config.setString("http", null, "followRedirects", "false");
        config.setInt(ConfigConstants.CONFIG_GC_SECTION, null, ConfigConstants.CONFIG_KEY_AUTO, 0);
        config.setInt(ConfigConstants.CONFIG_GC_SECTION, null, ConfigConstants.CONFIG_KEY_AUTOPACKLIMIT, 0);
        config.setBoolean(ConfigConstants.CONFIG_GC_SECTION, null, ConfigConstants.CONFIG_KEY_AUTODETACH, false);
    }

    private FetchedRepository fetchInto(Repository repository, RepositoryUrl url, Optional<String> ref, Path dir,
            Watch watch) {
        try (repository; Git git = Git.wrap(repository)) {
            String remote = url.uri().toString();
            TransportConfigCallback httpOnly = transport -> {
                if (!(transport instanceof TransportHttp)) {
                    throw new IllegalStateException("not an HTTP transport");
                }
            };
            watch.checkCancelled();
            CredentialsProvider credentials = tokens.credentialsFor(url.uri());
            Map<String, Ref> advertised = git.lsRemote()
                    .setCredentialsProvider(credentials)
                    .setRemote(remote)
                    .setTimeout(timeoutSeconds)
                    .setTransportConfigCallback(httpOnly)
                    .callAsMap();
            watch.raise(Band.LS_REMOTE.end);
            Target target = resolve(advertised, ref, url);
            Optional<String> named = target.byId() ? Optional.of(target.source().toLowerCase(Locale.ROOT))
                    : advertisedCommit(advertised, target.source());
            if (named.isPresent() && !watch.listener.wantsCommit(named.get())) {
                return new FetchedRepository(dir, named.get(), target.resolvedRef());
            }
            if (named.isPresent() && alreadyFetched(repository, named.get())) {
                pinFetchedCommit(repository, ObjectId.fromString(named.get()), target, url);
                return new FetchedRepository(dir, named.get(), target.resolvedRef());
            }
            watch.checkCancelled();
            git.fetch()
                    .setCredentialsProvider(credentials)
                    .setRemote(remote)
                    .setRefSpecs(new RefSpec("+" + target.source() + ":" + FETCHED_REF))
                    .setDepth(1)
                    .setTagOpt(TagOpt.NO_TAGS)
                    .setRecurseSubmodules(FetchRecurseSubmodulesMode.NO)
                    .setRemoveDeletedRefs(false)
                    .setProgressMonitor(new Monitor(watch))
                    .setTimeout(timeoutSeconds)
                    .setTransportConfigCallback(httpOnly)
                    .call();
            watch.checkCancelled();
            if (target.byId()) {
                pinFetchedCommit(repository, ObjectId.fromString(target.source()), target, url);
            }
            Ref fetched = repository.exactRef(FETCHED_REF);
            if (fetched == null || fetched.getObjectId() == null) {
                throw new FetchException(FetchException.Reason.CLONE_FAILED,
                        "the server did not send " + target.display() + " of " + url.normalized());
            }
            try (RevWalk walk = new RevWalk(repository)) {
                RevCommit commit = walk.parseCommit(fetched.getObjectId());
                return new FetchedRepository(dir, commit.name(), target.resolvedRef());
            } catch (IncorrectObjectTypeException e) {
                throw new FetchException(FetchException.Reason.REPOSITORY_NOT_FOUND,
                        target.display() + " of " + url.normalized() + " does not name a commit", e);
            }
        } catch (GitAPIException | IOException e) {
            throw translate(e, url, watch);
        } catch (FetchException e) {
            throw e;
        } catch (RuntimeException e) {
            throw translate(e, url, watch);
        }
    }

    /**
     * Whether an earlier fetch already brought {@code commitId} with its whole tree. Every commit in a cache
     * repository arrived as the tip of a depth-1 fetch (parents are never fetched) and JGit stores a pack only once
     * it is complete, so a commit whose root tree is present is complete: fetching it again would transfer nothing.
     */
    private static boolean alreadyFetched(Repository repository, String commitId) {
        ObjectId id = ObjectId.fromString(commitId);
        try (RevWalk walk = new RevWalk(repository)) {
            if (!repository.getObjectDatabase().has(id)) {
                return false;
            }
            RevCommit commit = walk.parseCommit(id);
            return repository.getObjectDatabase().has(commit.getTree());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * JGit fetches an object asked for by id but does not update the refspec's destination; point the ref at it
     * ourselves so the commit stays referenced like any other fetched commit.
     */
    private static void pinFetchedCommit(Repository repository, ObjectId id, Target target, RepositoryUrl url)
            throws IOException {
        if (!repository.getObjectDatabase().has(id)) {
            throw new FetchException(FetchException.Reason.REPOSITORY_NOT_FOUND,
                    target.display() + " is not available from " + url.normalized());
        }
        RefUpdate update = repository.updateRef(FETCHED_REF);
        update.setNewObjectId(id);
        update.setForceUpdate(true);
        RefUpdate.Result result = update.update();
        if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED && result != RefUpdate.Result.NO_CHANGE
                && result != RefUpdate.Result.FAST_FORWARD) {
            throw new IOException("cannot update " + FETCHED_REF + ": " + result);
        }
    }

    /** The commit an advertised ref names (a tag peeled to its commit), when the server said. */
    private static Optional<String> advertisedCommit(Map<String, Ref> advertised, String name) {
        return Optional.ofNullable(advertised.get(name))
                .map(ref -> ref.getPeeledObjectId() != null ? ref.getPeeledObjectId() : ref.getObjectId())
                .map(ObjectId::name);
    }

    /** What to ask the server for, and how to name it to the caller. */
    private record Target(String source, String resolvedRef, String display) {

        boolean byId() {
            return COMMIT_ID.matcher(source).matches();
        }
    }

    private static Target resolve(Map<String, Ref> advertised, Optional<String> requested, RepositoryUrl url) {
        if (requested.isEmpty()) {
            Ref head = advertised.get(Constants.HEAD);
            if (head == null) {
                throw new FetchException(FetchException.Reason.REPOSITORY_NOT_FOUND,
                        "repository " + url.normalized() + " is empty or has no default branch");
            }
            if (head.isSymbolic()) {
                String branch = head.getTarget().getName();
                return new Target(branch, branch, "the default branch");
            }
            return new Target(Constants.HEAD, Constants.HEAD, "the default branch");
        }
        String ref = requested.get();
        if (COMMIT_ID.matcher(ref).matches()) {
            String id = ref.toLowerCase(Locale.ROOT);
            return new Target(id, id, "commit " + id);
        }
        if (!Repository.isValidRefName(ref.startsWith(Constants.R_REFS) ? ref : Constants.R_HEADS + ref)
                || ref.length() > 255) {
            throw new FetchException(FetchException.Reason.REPOSITORY_NOT_FOUND,
                    "the requested ref is not a valid Git ref name");
        }
        for (String candidate : ref.startsWith(Constants.R_REFS)
                ? new String[] {ref}
                : new String[] {Constants.R_HEADS + ref, Constants.R_TAGS + ref}) {
            if (advertised.containsKey(candidate)) {
                return new Target(candidate, candidate, "ref '" + ref + "'");
            }
        }
        String hint = ABBREVIATED_ID.matcher(ref).matches() ? " (a commit must be given by its full 40-character id)" : "";
        throw new FetchException(FetchException.Reason.REPOSITORY_NOT_FOUND,
                "ref '" + ref + "' does not exist in " + url.normalized() + hint);
    }

    private FetchException translate(Exception e, RepositoryUrl url, Watch watch) {
        String repo = url.normalized();
        if (watch.cancelRequested()) {
            return new FetchException(FetchException.Reason.CANCELLED, "fetching " + repo + " was cancelled", e);
        }
        JGitText text = JGitText.get();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = Objects.requireNonNullElse(t.getMessage(), "");
            if (TransferLimit.exceeded()) {
                return new FetchException(FetchException.Reason.TOO_LARGE,
                        repo + " is larger than the transfer limit of " + maxTransferBytes + " bytes", e);
            }
            if (t instanceof UnknownHostException && AddressGuard.refusedHost().isPresent()) {
                return new FetchException(FetchException.Reason.ADDRESS_NOT_ALLOWED,
                        "the host of " + repo + " resolved only to addresses that may not be fetched from", e);
            }
            if (t instanceof NoRemoteRepositoryException) {
                return new FetchException(FetchException.Reason.REPOSITORY_NOT_FOUND,
                        "repository " + repo + " was not found", e);
            }
            if (message.contains(text.noCredentialsProvider) || message.contains(text.notAuthorized)
                    || message.contains(text.authenticationNotSupported) || message.contains("not permitted")) {
                return new FetchException(FetchException.Reason.REPOSITORY_NOT_FOUND,
                        "repository " + repo + " was not found or is not public", e);
            }
            if (message.contains("want ") && message.contains("not valid")
                    || message.contains("not our ref") || message.contains(text.wantNotValid.split("\\{")[0])) {
                return new FetchException(FetchException.Reason.REPOSITORY_NOT_FOUND,
                        "the requested commit is not available from " + repo
                                + " (the server refuses unadvertised commits or the commit does not exist)", e);
            }
            if (t instanceof SocketTimeoutException || message.toLowerCase(Locale.ROOT).contains("timed out")) {
                return new FetchException(FetchException.Reason.CLONE_FAILED, "timed out fetching " + repo, e);
            }
            if (t instanceof ConnectException) {
                return new FetchException(FetchException.Reason.CLONE_FAILED,
                        "could not connect to the host of " + repo, e);
            }
            if (t instanceof UnknownHostException) {
                return new FetchException(FetchException.Reason.CLONE_FAILED,
                        "the host of " + repo + " could not be resolved", e);
            }
        }
        return new FetchException(FetchException.Reason.CLONE_FAILED, "could not fetch " + repo, e);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw exc;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException exc) throws IOException {
                if (exc != null && !(exc instanceof NoSuchFileException)) {
                    throw exc;
                }
                Files.deleteIfExists(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Share of the overall progress each phase of a fetch covers, as [start, end) percent. */
    private enum Band {
        LS_REMOTE(0, 2),
        SERVER(2, 10),
        RECEIVING(10, 90),
        RESOLVING(90, 98),
        FINISHING(98, 99);

        final int start;
        final int end;

        Band(int start, int end) {
            this.start = start;
            this.end = end;
        }

        static Band of(String task) {
            String title = task.toLowerCase(Locale.ROOT);
            JGitText text = JGitText.get();
            if (task.equals(text.receivingObjects) || title.contains("receiving")) {
                return RECEIVING;
            }
            if (task.equals(text.resolvingDeltas) || title.contains("resolving")) {
                return RESOLVING;
            }
            if (title.contains("counting") || title.contains("compressing") || title.contains("enumerating")
                    || title.contains("finding sources")) {
                return SERVER;
            }
            return FINISHING;
        }
    }

    /**
     * Shared between the calling thread (which talks to the listener) and the fetch thread (which JGit drives): the
     * highest percent reached and whether the fetch must stop.
     */
    private static final class Watch {

        private final FetchListener listener;
        private final AtomicInteger percent = new AtomicInteger();
        private final AtomicBoolean cancel = new AtomicBoolean();
        private int reported;
        private boolean interrupted;

        Watch(FetchListener listener) {
            this.listener = listener;
        }

        void raise(int value) {
            percent.accumulateAndGet(Math.min(99, value), Math::max);
        }

        boolean cancelRequested() {
            return cancel.get();
        }

        /** Called on the fetch thread between steps. */
        void checkCancelled() {
            if (cancel.get() || Thread.currentThread().isInterrupted()) {
                cancel.set(true);
                throw new FetchException(FetchException.Reason.CANCELLED, "fetch cancelled");
            }
        }

        /** Polls the listener on the calling thread; {@code true} once the fetch must stop. */
        private boolean poll() {
            if (Thread.interrupted()) {
                interrupted = true;
            }
            if (interrupted || listener.cancelled()) {
                cancel.set(true);
            }
            int now = percent.get();
            if (now > reported && !cancel.get()) {
                reported = now;
                listener.onProgress(now);
            }
            return cancel.get();
        }

        void acquire(ReentrantLock lock, RepositoryUrl url) {
            while (true) {
                if (poll()) {
                    throw new FetchException(FetchException.Reason.CANCELLED,
                            "fetching " + url.normalized() + " was cancelled");
                }
                try {
                    if (lock.tryLock(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }

        FetchedRepository run(Supplier<FetchedRepository> task, RepositoryUrl url) {
            CompletableFuture<FetchedRepository> result = new CompletableFuture<>();
            Thread worker = Thread.ofVirtual().name("depscan-fetch").start(() -> {
                try {
                    result.complete(task.get());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
            while (!result.isDone()) {
                if (poll()) {
                    worker.interrupt();
                    break;
                }
                try {
                    result.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException | TimeoutException e) {
                    // examined below, or poll again
                }
            }
            joinUninterruptibly(worker);
            try {
                FetchedRepository fetched = result.getNow(null);
                if (cancel.get()) {
                    throw new FetchException(FetchException.Reason.CANCELLED,
                            "fetching " + url.normalized() + " was cancelled");
                }
                poll();
                return fetched;
            } catch (CompletionException e) {
                if (cancel.get()) {
                    throw new FetchException(FetchException.Reason.CANCELLED,
                            "fetching " + url.normalized() + " was cancelled", e.getCause());
                }
                if (e.getCause() instanceof FetchException fetchException) {
                    throw fetchException;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new FetchException(FetchException.Reason.CLONE_FAILED, "could not fetch " + url.normalized(),
                        e.getCause());
            }
        }

        private void joinUninterruptibly(Thread worker) {
            while (true) {
                try {
                    worker.join();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }

        void restoreInterrupt() {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** JGit's view of the fetch: maps its tasks onto the overall percent and asks the watch whether to stop. */
    private static final class Monitor implements ProgressMonitor {

        private final Watch watch;
        private Band band = Band.SERVER;
        private int total;
        private long done;

        Monitor(Watch watch) {
            this.watch = watch;
        }

        @Override
        public void start(int totalTasks) {
        }

        @Override
        public void beginTask(String title, int totalWork) {
            band = Band.of(Objects.requireNonNullElse(title, ""));
            total = totalWork;
            done = 0;
            watch.raise(band.start);
        }

        @Override
        public void update(int completed) {
            done += completed;
            if (total > 0) {
                watch.raise(band.start + (int) ((band.end - band.start) * Math.min(done, total) / total));
            }
        }

        @Override
        public void endTask() {
            watch.raise(band.end);
        }

        @Override
        public boolean isCancelled() {
            return watch.cancelRequested() || Thread.currentThread().isInterrupted();
        }

        @Override
        public void showDuration(boolean enabled) {
        }
    }
}
