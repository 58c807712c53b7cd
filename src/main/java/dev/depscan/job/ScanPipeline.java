package dev.depscan.job;

import dev.depscan.classify.CategoryConfig;
import dev.depscan.classify.Classification;
import dev.depscan.classify.ClassifiedFinding;
import dev.depscan.classify.Classifier;
import dev.depscan.git.FetchException;
import dev.depscan.git.FetchListener;
import dev.depscan.git.FetchedRepository;
import dev.depscan.git.GitTreeFileSource;
import dev.depscan.git.RepositoryCache;
import dev.depscan.git.RepositoryUrl;
import dev.depscan.git.UrlPolicy;
import dev.depscan.git.UrlRejectedException;
import dev.depscan.scan.Finding;
import dev.depscan.scan.ScanCancelledException;
import dev.depscan.scan.ScanLimitException;
import dev.depscan.scan.ScanListener;
import dev.depscan.scan.ScanProgress;
import dev.depscan.scan.ScanReport;
import dev.depscan.scan.Scanner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One job's work: fetch the commit, scan its tree straight from the object database, classify, store the result.
 *
 * <p>Progress: fetching covers 0-40 %, scanning 40-95 %, classifying the rest. Every state change goes through
 * {@link JobStore#update} and only from a non-terminal state, so a job cancelled or timed out meanwhile keeps its
 * terminal state and no late result overwrites it.
 */
@ApplicationScoped
class ScanPipeline {

    private static final Logger LOGGER = Logger.getLogger(ScanPipeline.class.getName());
    private static final int FETCH_SHARE = 40;
    private static final int SCAN_END = 95;
    private static final Duration PROGRESS_INTERVAL = Duration.ofMillis(250);

    private final JobStore store;
    private final Cancellations cancellations;
    private final UrlPolicy urlPolicy;
    private final RepositoryCache repositories;
    private final int maxLiveFindings;
    private final int maxTreeEntries;
    private final Scanner scanner;
    private final Classifier classifier;
    private final JobMetrics metrics;
    private final ResultCache results;
    private final String configurationHash;

    @Inject
    ScanPipeline(JobStore store, Cancellations cancellations, UrlPolicy urlPolicy, RepositoryCache repositories,
                 Scanner scanner, Classifier classifier, JobMetrics metrics, ResultCache results,
                 CategoryConfig categories,
                 @ConfigProperty(name = "depscan.jobs.max-live-findings", defaultValue = "10000") int maxLiveFindings,
                 @ConfigProperty(name = "depscan.scan.max-tree-entries", defaultValue = "1000000") int maxTreeEntries) {
        if (maxTreeEntries < 1) {
            throw new IllegalArgumentException("depscan.scan.max-tree-entries must be positive");
        }
        this.maxTreeEntries = maxTreeEntries;
        if (maxLiveFindings < 0) {
            throw new IllegalArgumentException("depscan.jobs.max-live-findings must be >= 0");
        }
        this.maxLiveFindings = maxLiveFindings;
        this.store = store;
        this.cancellations = cancellations;
        this.urlPolicy = urlPolicy;
        this.repositories = repositories;
        this.scanner = scanner;
        this.classifier = classifier;
        this.metrics = metrics;
        this.results = results;
        this.configurationHash = categories.hash();
    }

    /**
     * Runs the job to a terminal state; never fails for a failure of the job itself. When the scan takes longer than
     * {@code depscan.jobs.timeout-seconds}, Fault Tolerance fails the returned stage with a {@code TimeoutException}
     * at the deadline, whatever the scan is doing, and interrupts its thread, which stops the fetch or the scan.
     */
    @Asynchronous
    @Timeout(value = 1800, unit = ChronoUnit.SECONDS)
    CompletionStage<Void> execute(String jobId) {
        run(jobId);
        return CompletableFuture.completedFuture(null);
    }

    private void run(String jobId) {
        AtomicBoolean stop = cancellations.signalOf(jobId);
        Optional<Job> started = transition(jobId, job -> job.state() instanceof JobState.Pending
                ? job.running(JobState.Phase.FETCHING, Instant.now()) : job);
        if (started.isEmpty() || !(started.get().state() instanceof JobState.Running)) {
            return;
        }
        Job job = started.get();
        long startNanos = System.nanoTime();
        try {
            Outcome outcome = scan(job, stop);
            store.saveResult(jobId, outcome.result());
            Optional<Job> done = transition(jobId, current -> current.state() instanceof JobState.Running
                    ? current.finished(new JobState.Completed(outcome.cached()), Instant.now()) : current);
            if (done.map(j -> j.state() instanceof JobState.Completed).orElse(false)) {
                metrics.completed(Duration.ofNanos(System.nanoTime() - startNanos));
            }
        } catch (ScanCancelledException e) {
            LOGGER.fine(() -> "job " + jobId + " stopped");
        } catch (FetchException e) {
            if (e.reason() == FetchException.Reason.CANCELLED) {
                LOGGER.fine(() -> "job " + jobId + " stopped while fetching");
            } else {
                fail(jobId, switch (e.reason()) {
                    case REPOSITORY_NOT_FOUND -> FailureCode.REPOSITORY_NOT_FOUND;
                    case ADDRESS_NOT_ALLOWED -> FailureCode.URL_NOT_ALLOWED;
                    case TOO_LARGE -> FailureCode.REPOSITORY_TOO_LARGE;
                    case CLONE_FAILED, CANCELLED -> FailureCode.CLONE_FAILED;
                }, e.getMessage());
                LOGGER.log(Level.INFO, "job " + jobId + " could not fetch " + job.gitUrl() + ": " + e.getMessage());
            }
        } catch (ScanLimitException e) {
            fail(jobId, FailureCode.REPOSITORY_TOO_LARGE, e.getMessage());
        } catch (UrlRejectedException e) {
            fail(jobId, FailureCode.URL_NOT_ALLOWED, e.getMessage());
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "job " + jobId + " failed unexpectedly", e);
            fail(jobId, FailureCode.SCANNING_ERROR, "The scan failed unexpectedly.");
        } finally {
            cancellations.forget(jobId);
        }
    }

    private Outcome scan(Job job, AtomicBoolean stop) {
        RepositoryUrl url = urlPolicy.check(job.fetchUrl());
        AtomicReference<JobResult> cached = new AtomicReference<>();
        long fetchStart = System.nanoTime();
        try (RepositoryCache.Lease lease = repositories.checkout(url, job.ref(), new FetchListener() {
            @Override
            public void onProgress(int percent) {
                transition(job.id(), current -> current.progressed(percent * FETCH_SHARE / 100));
            }

            @Override
            public boolean cancelled() {
                return stop.get() || Thread.currentThread().isInterrupted();
            }

            @Override
            public boolean wantsCommit(String commitId) {
                Optional<JobResult> hit = results.find(cacheKey(commitId));
                hit.ifPresent(cached::set);
                return hit.isEmpty();
            }
        })) {
            metrics.fetched(Duration.ofNanos(System.nanoTime() - fetchStart));
            return scanFetched(job, lease.repository(), cached.get(), stop);
        }
    }

    /** The lease is held while this runs, so the cache cannot evict the repository under the scan. */
    private Outcome scanFetched(Job job, FetchedRepository fetched, JobResult cachedResult, AtomicBoolean stop) {
        transition(job.id(), current -> current.withCommit(fetched.commitId()).progressed(FETCH_SHARE));
        if (cachedResult != null) {
            metrics.resultCache(true);
            saveFinalFigures(job.id(), cachedResult.report());
            return new Outcome(new JobResult(cachedResult.commit(), cachedResult.scannerVersion(), cachedResult.report(),
                                             cachedResult.classification(), Instant.now()), true);
        }
        metrics.resultCache(false);
        enter(job.id(), JobState.Phase.SCANNING);
        ScanReport report;
        try (GitTreeFileSource source = GitTreeFileSource.open(fetched.gitDir(), fetched.commitId(), maxTreeEntries)) {
            ProgressReporter reporter = new ProgressReporter(job.id(), stop);
            report = scanner.scan(source, reporter);
            reporter.flushFindings();
        }
        saveFinalFigures(job.id(), report);
        enter(job.id(), JobState.Phase.CLASSIFYING);
        Classification classification = classifier.classify(report);
        metrics.scanned(report.filesScanned(), report.bytesScanned());
        JobResult result = new JobResult(fetched.commitId(), Scanner.version(), report, classification, Instant.now());
        results.put(cacheKey(fetched.commitId()), result);
        return new Outcome(result, false);
    }

    /** The partial results once the scan is over: every file handled, every merged finding counted. */
    private void saveFinalFigures(String jobId, ScanReport report) {
        int files = report.filesScanned();
        store.saveProgress(jobId, new JobProgress(files, files, report.findings().size(), Optional.empty(),
                                                  Instant.now()));
    }

    private ResultCache.Key cacheKey(String commitId) {
        return new ResultCache.Key(commitId, configurationHash, Scanner.version());
    }

    /** A job's result, and whether it came from the result cache. */
    private record Outcome(JobResult result, boolean cached) {
    }

    private void enter(String jobId, JobState.Phase phase) {
        transition(jobId, job -> job.state() instanceof JobState.Running
                ? job.running(phase, Instant.now()) : job);
    }

    private void fail(String jobId, FailureCode code, String message) {
        Optional<Job> failed = transition(jobId, job -> job.state().terminal()
                ? job : job.finished(new JobState.Failed(new JobFailure(code, message)), Instant.now()));
        if (failed.map(j -> j.state() instanceof JobState.Failed f && f.failure().code() == code).orElse(false)) {
            metrics.failed(code);
        }
    }

    private Optional<Job> transition(String jobId, java.util.function.UnaryOperator<Job> change) {
        return store.update(jobId, change);
    }

    /** Turns scanner callbacks into job progress and partial results, at most every {@link #PROGRESS_INTERVAL}. */
    private final class ProgressReporter implements ScanListener {

        private final String jobId;
        private final AtomicBoolean stop;
        private long lastSaved;
        private int liveFindings;
        private final List<ClassifiedFinding> unsaved = new ArrayList<>();

        private ProgressReporter(String jobId, AtomicBoolean stop) {
            this.jobId = jobId;
            this.stop = stop;
        }

        @Override
        public void onProgress(ScanProgress progress) {
            long now = System.nanoTime();
            boolean last = progress.scannedFiles() >= progress.totalFiles();
            if (!last && now - lastSaved < PROGRESS_INTERVAL.toNanos()) {
                return;
            }
            lastSaved = now;
            flushFindings();
            store.saveProgress(jobId, new JobProgress(progress.scannedFiles(), progress.totalFiles(),
                                                      progress.foundDependencies(),
                                                      Optional.of(progress.currentFile()), Instant.now()));
            int total = Math.max(1, progress.totalFiles());
            int percent = FETCH_SHARE + (SCAN_END - FETCH_SHARE) * progress.scannedFiles() / total;
            transition(jobId, job -> job.progressed(percent));
        }

        /** Classified at once, so live events carry categories and verdicts; at most the configured number per job. */
        @Override
        public void onFinding(Finding finding) {
            if (liveFindings < maxLiveFindings) {
                liveFindings++;
                unsaved.add(classifier.classify(finding));
            }
        }

        void flushFindings() {
            if (!unsaved.isEmpty()) {
                store.appendFindings(jobId, List.copyOf(unsaved));
                unsaved.clear();
            }
        }

        @Override
        public boolean cancelled() {
            return stop.get() || Thread.currentThread().isInterrupted();
        }
    }
}
