package dev.depscan.job;

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
public class JobMetrics {

    public static final String SUBMITTED = "depscan.jobs.submitted";
    public static final String COMPLETED = "depscan.jobs.completed";
    public static final String FAILED = "depscan.jobs.failed";
    public static final String CANCELLED = "depscan.jobs.cancelled";
    public static final String REJECTED = "depscan.jobs.rejected";
    public static final String SCAN_DURATION = "depscan.scan.duration";
    public static final String FILES_SCANNED = "depscan.scan.files";
    public static final String RESULT_CACHE_HITS = "depscan.cache.results.hits";
    public static final String RESULT_CACHE_MISSES = "depscan.cache.results.misses";

    private final MetricRegistry registry;
    private final Counter submitted;
    private final Counter completed;
    private final Counter cancelled;
    private final Counter rejected;
    private final Counter filesScanned;
    private final Timer scanDuration;

    @Inject
    JobMetrics(MetricRegistry registry) {
        this.registry = registry;
        this.submitted = registry.counter(SUBMITTED);
        this.completed = registry.counter(COMPLETED);
        this.cancelled = registry.counter(CANCELLED);
        this.rejected = registry.counter(REJECTED);
        this.filesScanned = registry.counter(FILES_SCANNED);
        this.scanDuration = registry.timer(SCAN_DURATION);
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

    void scanned(int files) {
        filesScanned.inc(files);
    }

    /** Mean duration of completed scans so far, for the {@code Retry-After} estimate; zero before the first. */
    Duration meanScanDuration() {
        var snapshot = scanDuration.getSnapshot();
        return scanDuration.getCount() == 0 ? Duration.ZERO : Duration.ofNanos((long) snapshot.getMean());
    }
}
