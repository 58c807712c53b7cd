package dev.depscan.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Runs jobs in the background within the service's limits. MicroProfile Fault Tolerance enforces them: at most
 * {@code depscan.jobs.max-concurrent} scans run at once, {@code depscan.jobs.queue-size} more wait (as
 * {@code pending} jobs), and each is bounded by {@code depscan.jobs.timeout-seconds}. The values below are defaults;
 * {@code microprofile-config.properties} maps the depscan keys onto them.
 */
@ApplicationScoped
public class JobRunner {

    private final ScanPipeline pipeline;

    @Inject
    JobRunner(ScanPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /**
     * Executes a job. The returned stage fails with a {@code BulkheadException} when the queue is full and with a
     * {@code TimeoutException} when the scan takes too long (the scan thread is then interrupted).
     */
    @Asynchronous
    @Bulkhead(value = 5, waitingTaskQueue = 100)
    @Timeout(value = 1800, unit = ChronoUnit.SECONDS)
    public CompletionStage<Void> run(String jobId) {
        pipeline.execute(jobId);
        return CompletableFuture.completedFuture(null);
    }
}
