package dev.depscan.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The bounded cache of fetched repositories: at most {@code maxEntries} bare repositories and {@code maxBytes} on disk,
 * none unused for longer than {@code ttl}; the least recently used goes first.
 *
 * <p>A caller {@linkplain #checkout checks out} a repository and holds the {@link Lease} while it reads the commit;
 * an entry with a lease is never evicted, so a running scan never loses its objects, and bounds are enforced again
 * when the lease is closed. Fetches of one URL are serialised by the {@link RepositoryFetcher}, so two jobs for the
 * same repository share one transfer: the second finds the objects already there and fetches nothing. Entries left
 * by an earlier run are adopted at start-up (their age is their directory's modification time).
 *
 * <p>All bookkeeping and deletion happen under one lock: deleting a bare repository takes milliseconds, and doing it
 * under the lock means a checkout can never register on an entry that is being deleted.
 */
public final class RepositoryCache {

    private static final Logger LOGGER = Logger.getLogger(RepositoryCache.class.getName());

    private final RepositoryFetcher fetcher;
    private final Limits limits;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Path, Entry> entries = new HashMap<>();
    private final CacheListener listener;

    /**
     * The cache's bounds.
     *
     * @param maxEntries repositories kept at most (at least 1)
     * @param maxBytes   total size on disk kept at most (at least 1)
     * @param ttl        an entry unused for this long is removed (positive)
     */
    public record Limits(int maxEntries, long maxBytes, Duration ttl) {

        public Limits {
            Objects.requireNonNull(ttl, "ttl");
            if (maxEntries < 1 || maxBytes < 1 || ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("cache limits must be positive");
            }
        }
    }

    /** Told of hits, misses and evictions, e.g. for metrics. */
    public interface CacheListener {

        CacheListener NONE = new CacheListener() {
        };

        /** A checkout found the repository already cached ({@code hit}) or had to create it. */
        default void onCheckout(boolean hit) {
        }

        /** An entry was removed to honour the limits. */
        default void onEviction() {
        }
    }

    public RepositoryCache(RepositoryFetcher fetcher, Limits limits, Clock clock, CacheListener listener) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        adoptExistingEntries();
    }

    /**
     * Fetches {@code ref} of {@code url} into the cache (see {@link RepositoryFetcher#fetch}) and leases the entry
     * until the returned lease is closed.
     */
    public Lease checkout(RepositoryUrl url, Optional<String> ref, FetchListener fetchListener) {
        Path dir = fetcher.directoryOf(url);
        Entry entry;
        boolean hit;
        lock.lock();
        try {
            entry = entries.get(dir);
            hit = entry != null && Files.isDirectory(dir);
            if (entry == null) {
                entry = new Entry(dir, 0, clock.instant());
                entries.put(dir, entry);
            }
            entry.users++;
            entry.lastUsed = clock.instant();
        } finally {
            lock.unlock();
        }
        listener.onCheckout(hit);
        Lease lease = new Lease(entry);
        try {
            FetchedRepository fetched = fetcher.fetch(url, ref, fetchListener);
            long size = sizeOf(dir);
            lock.lock();
            try {
                entry.bytes = size;
            } finally {
                lock.unlock();
            }
            lease.fetched = fetched;
            return lease;
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /** Removes every entry that is over the limits and not leased; returns how many were removed. */
    public int enforceLimits() {
        lock.lock();
        try {
            List<Entry> idle = new ArrayList<>();
            long totalBytes = 0;
            for (Entry entry : entries.values()) {
                totalBytes += entry.bytes;
                if (entry.users == 0) {
                    idle.add(entry);
                }
            }
            idle.sort(Comparator.comparing((Entry e) -> e.lastUsed));
            Instant expired = clock.instant().minus(limits.ttl());
            int count = entries.size();
            int removed = 0;
            for (Entry entry : idle) {
                boolean overLimit = count > limits.maxEntries() || totalBytes > limits.maxBytes();
                if (!overLimit && !entry.lastUsed.isBefore(expired)) {
                    continue;
                }
                if (remove(entry)) {
                    count--;
                    totalBytes -= entry.bytes;
                    removed++;
                }
            }
            return removed;
        } finally {
            lock.unlock();
        }
    }

    /** Cached repositories, leased or not. */
    public int size() {
        lock.lock();
        try {
            return entries.size();
        } finally {
            lock.unlock();
        }
    }

    /** Bytes on disk of the cached repositories, as measured after their last fetch. */
    public long bytes() {
        lock.lock();
        try {
            return entries.values().stream().mapToLong(e -> e.bytes).sum();
        } finally {
            lock.unlock();
        }
    }

    private boolean remove(Entry entry) {
        try {
            RepositoryFetcher.deleteRecursively(entry.dir);
            entries.remove(entry.dir);
            listener.onEviction();
            return true;
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "cannot remove cached repository " + entry.dir.getFileName(), e);
            return false;
        }
    }

    private void adoptExistingEntries() {
        Path root = fetcher.cacheDir();
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Instant modified = Files.getLastModifiedTime(dir).toInstant();
                entries.put(dir, new Entry(dir, sizeOf(dir), modified));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the repository cache directory", e);
        }
        enforceLimits();
    }

    private static long sizeOf(Path dir) {
        long[] total = {0};
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    total[0] += attrs.size();
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return total[0];
        }
        return total[0];
    }

    /** One cached repository; fields guarded by the cache's lock. */
    private static final class Entry {

        private final Path dir;
        private long bytes;
        private Instant lastUsed;
        private int users;

        private Entry(Path dir, long bytes, Instant lastUsed) {
            this.dir = dir;
            this.bytes = bytes;
            this.lastUsed = lastUsed;
        }
    }

    /** A checked-out repository: its entry is not evicted until the lease is closed. Close it exactly once. */
    public final class Lease implements AutoCloseable {

        private final Entry entry;
        private final AtomicBoolean closed = new AtomicBoolean();
        private FetchedRepository fetched;

        private Lease(Entry entry) {
            this.entry = entry;
        }

        /** The fetched commit and where its repository is. */
        public FetchedRepository repository() {
            return fetched;
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            lock.lock();
            try {
                entry.users--;
                entry.lastUsed = clock.instant();
                if (entry.users == 0 && !Files.isDirectory(entry.dir)) {
                    entries.remove(entry.dir); // the fetch failed and left nothing behind
                }
            } finally {
                lock.unlock();
            }
            enforceLimits();
        }
    }
}
