package dev.depscan.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Finished results by (commit, categories configuration, scanner version): the same three give the same answer, so
 * a new job for an unchanged commit completes from here without fetching objects or scanning. Holds at most
 * {@code depscan.cache.results.max-entries} results and drops the least recently used first.
 */
@ApplicationScoped
class ResultCache {

    private final int maxEntries;
    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashMap<Key, JobResult> entries = new LinkedHashMap<>(16, 0.75f, true);

    @Inject
    ResultCache(@ConfigProperty(name = "depscan.cache.results.max-entries", defaultValue = "1000") int maxEntries) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("depscan.cache.results.max-entries must be >= 0");
        }
        this.maxEntries = maxEntries;
    }

    /** What makes two results interchangeable. */
    record Key(String commit, String configurationHash, String scannerVersion) {
        Key {
            Objects.requireNonNull(commit, "commit");
            Objects.requireNonNull(configurationHash, "configurationHash");
            Objects.requireNonNull(scannerVersion, "scannerVersion");
        }
    }

    Optional<JobResult> find(Key key) {
        lock.lock();
        try {
            return Optional.ofNullable(entries.get(key));
        } finally {
            lock.unlock();
        }
    }

    void put(Key key, JobResult result) {
        if (maxEntries == 0) {
            return;
        }
        lock.lock();
        try {
            entries.put(key, result);
            var eldest = entries.entrySet().iterator();
            while (entries.size() > maxEntries && eldest.hasNext()) {
                eldest.next();
                eldest.remove();
            }
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return entries.size();
        } finally {
            lock.unlock();
        }
    }
}
