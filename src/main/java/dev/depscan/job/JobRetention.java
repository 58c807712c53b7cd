package dev.depscan.job;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the job history bounded: finished jobs, with their progress and results, are removed once they are older than
 * {@code depscan.jobs.retention-hours} or beyond the newest {@code depscan.jobs.retention-max-jobs}. Runs at start-up
 * and then every {@code depscan.jobs.retention-interval-seconds}.
 */
@ApplicationScoped
public class JobRetention {

    private static final Logger LOGGER = Logger.getLogger(JobRetention.class.getName());

    private final JobStore store;
    private final Duration maxAge;
    private final int maxJobs;
    private final long intervalSeconds;
    private final Clock clock;
    private ScheduledExecutorService timer;

    @Inject
    JobRetention(JobStore store,
                 @ConfigProperty(name = "depscan.jobs.retention-hours", defaultValue = "168") long retentionHours,
                 @ConfigProperty(name = "depscan.jobs.retention-max-jobs", defaultValue = "10000") int maxJobs,
                 @ConfigProperty(name = "depscan.jobs.retention-interval-seconds", defaultValue = "300")
                 long intervalSeconds) {
        if (retentionHours < 1 || maxJobs < 1 || intervalSeconds < 1) {
            throw new IllegalArgumentException("depscan.jobs.retention-* values must be positive");
        }
        this.store = store;
        this.maxAge = Duration.ofHours(retentionHours);
        this.maxJobs = maxJobs;
        this.intervalSeconds = intervalSeconds;
        this.clock = Clock.systemUTC();
    }

    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("depscan-retention").factory());
        timer.scheduleWithFixedDelay(this::purgeQuietly, 0, intervalSeconds, TimeUnit.SECONDS);
    }

    /** Removes what is over the limits now; returns how many jobs were removed. */
    public int purge() {
        int removed = store.purgeFinished(clock.instant().minus(maxAge), maxJobs);
        if (removed > 0) {
            LOGGER.fine(() -> "retention removed " + removed + " finished jobs");
        }
        return removed;
    }

    private void purgeQuietly() {
        try {
            purge();
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "job retention failed; retrying at the next interval", e);
        }
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
