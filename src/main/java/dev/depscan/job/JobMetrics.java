package dev.depscan.job;

import dev.depscan.git.RepositoryCache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

import java.time.Duration;

/**
 * The job engine's application metrics, exposed at {@code /metrics} with the {@code depscan_} prefix.
 */
@ApplicationScoped
public class JobMetrics implements RepositoryCache.CacheListener {

    public static final String SUBMITTED = "depscan.jobs.submitted";
    public static final String COMPLETED = "depscan.jobs.completed";
    public static final String FAILED = "depscan.jobs.failed";
    public static final String CANCELLED = "depscan.jobs.cancelled";
    public static final String REJECTED = "depscan.jobs.rejected";
    public static final String SCAN_DURATION = "depscan.scan.duration";
    public static final String FILES_SCANNED = "depscan.scan.files";
    public static final String BYTES_SCANNED = "depscan.scan.bytes";
    public static final String RESULT_CACHE_HITS = "depscan.cache.results.hits";
    public static final String RESULT_CACHE_MISSES = "depscan.cache.results.misses";
    public static final String REPOSITORY_CACHE_HITS = "depscan.cache.repositories.hits";
    public static final String REPOSITORY_CACHE_MISSES = "depscan.cache.repositories.misses";
    public static final String REPOSITORY_CACHE_EVICTIONS = "depscan.cache.repositories.evictions";
    public static final String FETCH_DURATION = "depscan.fetch.duration";
    public static final String QUEUE_DEPTH = "depscan.jobs.queued";
    public static final String RUNNING = "depscan.jobs.running";

    private final MetricRegistry registry;
    private final Counter submitted;
    private final Counter completed;
    private final Counter cancelled;
    private final Counter rejected;
    private final Counter filesScanned;
    private final Timer scanDuration;
    private final Timer fetchDuration;

    @Inject
    JobMetrics(MetricRegistry registry) {
        this.registry = registry;
        this.submitted = registry.counter(SUBMITTED);
        this.completed = registry.counter(COMPLETED);
        this.cancelled = registry.counter(CANCELLED);
        this.rejected = registry.counter(REJECTED);
        this.filesScanned = registry.counter(FILES_SCANNED);
        this.scanDuration = registry.timer(SCAN_DURATION);
        this.fetchDuration = registry.timer(FETCH_DURATION);
        for (String name : new String[] {BYTES_SCANNED, REPOSITORY_CACHE_HITS, REPOSITORY_CACHE_MISSES,
                                         REPOSITORY_CACHE_EVICTIONS, RESULT_CACHE_HITS, RESULT_CACHE_MISSES}) {
            registry.counter(name); // visible at zero before the first job
        }
    }

    /** The queue-depth and running-scans gauges read the store, so they are right whatever changed a job. */
    @Inject
    void registerGauges(JobStore store) {
        registry.gauge(QUEUE_DEPTH, () -> store.count(JobState.PENDING));
        registry.gauge(RUNNING, () -> store.count(JobState.RUNNING));
    }

    /** Registers the metrics at start-up, so that {@code /metrics} shows them (at zero) before the first job. */
    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
        registry.counter(SUBMITTED);
    }

    void submitted() {
        submitted.inc();
    }

    void rejected() {
        rejected.inc();
    }

    void completed(Duration took) {
        completed.inc();
        scanDuration.update(took);
    }

    void failed(FailureCode code) {
        registry.counter(FAILED, new Tag("code", code.name())).inc();
    }

    void cancelled() {
        cancelled.inc();
    }

    void resultCache(boolean hit) {
        registry.counter(hit ? RESULT_CACHE_HITS : RESULT_CACHE_MISSES).inc();
    }

    @Override
    public void onCheckout(boolean hit) {
        registry.counter(hit ? REPOSITORY_CACHE_HITS : REPOSITORY_CACHE_MISSES).inc();
    }

    @Override
    public void onEviction() {
        registry.counter(REPOSITORY_CACHE_EVICTIONS).inc();
    }

    void fetched(Duration took) {
        fetchDuration.update(took);
    }

    void scanned(int files, long bytes) {
        registry.counter(BYTES_SCANNED).inc(bytes);
        filesScanned.inc(files);
    }

    /** Mean duration of completed scans so far, for the {@code Retry-After} estimate; zero before the first. */
    Duration meanScanDuration() {
        var snapshot = scanDuration.getSnapshot();
        return scanDuration.getCount() == 0 ? Duration.ZERO : Duration.ofNanos((long) snapshot.getMean());
    }
}
