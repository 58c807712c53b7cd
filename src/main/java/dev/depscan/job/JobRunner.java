package dev.depscan.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Runs jobs in the background within the service's limits, enforced by MicroProfile Fault Tolerance: at most
 * {@code depscan.jobs.max-concurrent} scans run at once and {@code depscan.jobs.queue-size} more wait for a slot.
 * The time bound sits on {@link ScanPipeline#execute}, which holds the slot until it ends: a {@code @Timeout} on this
 * method would also count the time a job waits in the bulkhead's queue. The values below are defaults;
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
     * Executes a job. The returned stage fails with a {@code BulkheadException} when no slot or queue place is free
     * and with a {@code TimeoutException} when the scan takes too long (its thread is then interrupted).
     */
    @Asynchronous
    @Bulkhead(value = 5, waitingTaskQueue = 100)
    public CompletionStage<Void> run(String jobId) {
        pipeline.execute(jobId).toCompletableFuture().join();
        return CompletableFuture.completedFuture(null);
    }
}
