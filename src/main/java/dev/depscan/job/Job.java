package dev.depscan.job;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A scan job as stored: immutable; every change produces a new value through one of the {@code with} methods.
 *
 * @param id          opaque id (a UUID)
 * @param owner       the principal that submitted it
 * @param gitUrl      the normalised repository URL (never with credentials)
 * @param fetchUrl    the URL to fetch, as accepted by the URL policy
 * @param ref         the requested branch, tag or commit; empty for the default branch
 * @param state       where the job is
 * @param progress    0-100, never decreasing
 * @param createdAt   when it was submitted
 * @param startedAt   when it started running
 * @param finishedAt  when it reached a terminal state
 * @param commit      the commit scanned, once fetched
 */
public record Job(String id, String owner, String gitUrl, String fetchUrl, Optional<String> ref, JobState state,
                  int progress, Instant createdAt, Optional<Instant> startedAt, Optional<Instant> finishedAt,
                  Optional<String> commit) {

    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(gitUrl, "gitUrl");
        Objects.requireNonNull(fetchUrl, "fetchUrl");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(commit, "commit");
        if (progress < 0 || progress > 100) {
            throw new IllegalArgumentException("progress must be within 0..100: " + progress);
        }
    }

    /** The job queued again after a restart interrupted it: pending, progress kept, started time cleared. */
    Job requeued() {
        return new Job(id, owner, gitUrl, fetchUrl, ref, new JobState.Pending(), progress, createdAt, Optional.empty(),
                       Optional.empty(), commit);
    }

    /** A new pending job. */
    static Job pending(String id, String owner, String gitUrl, String fetchUrl, Optional<String> ref, Instant now) {
        return new Job(id, owner, gitUrl, fetchUrl, ref, new JobState.Pending(), 0, now, Optional.empty(),
                       Optional.empty(), Optional.empty());
    }

    /** This job running in {@code phase}; the start time is kept from the first transition. */
    Job running(JobState.Phase phase, Instant now) {
        return new Job(id, owner, gitUrl, fetchUrl, ref, new JobState.Running(phase), progress, createdAt,
                       startedAt.or(() -> Optional.of(now)), finishedAt, commit);
    }

    /** This job with progress raised to {@code percent}; progress never moves backwards. */
    Job progressed(int percent) {
        int next = Math.max(progress, Math.min(100, percent));
        return next == progress ? this : new Job(id, owner, gitUrl, fetchUrl, ref, state, next, createdAt,
                                                 startedAt, finishedAt, commit);
    }

    Job withCommit(String sha) {
        return new Job(id, owner, gitUrl, fetchUrl, ref, state, progress, createdAt, startedAt, finishedAt,
                       Optional.of(sha));
    }

    /** This job in a terminal state; completion sets progress to 100. */
    Job finished(JobState terminal, Instant now) {
        if (!terminal.terminal()) {
            throw new IllegalArgumentException("not a terminal state: " + terminal);
        }
        int finalProgress = terminal instanceof JobState.Completed ? 100 : progress;
        return new Job(id, owner, gitUrl, fetchUrl, ref, terminal, finalProgress, createdAt, startedAt,
                       Optional.of(now), commit);
    }
}
