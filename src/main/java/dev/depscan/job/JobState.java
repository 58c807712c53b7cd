package dev.depscan.job;

import java.util.Objects;

/**
 * Where a job is in its life: {@code pending → running → completed | failed | cancelled}. The last three are
 * terminal; a terminal job never changes state again.
 */
public sealed interface JobState {

    /** Queued, waiting for a scan slot. */
    record Pending() implements JobState {
    }

    /** Fetching, scanning or classifying. */
    record Running(Phase phase) implements JobState {
        public Running {
            Objects.requireNonNull(phase, "phase");
        }
    }

    /** Finished with a result; {@code cached} when the result came from the result cache. */
    record Completed(boolean cached) implements JobState {
    }

    /** Ended without a result. */
    record Failed(JobFailure failure) implements JobState {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }

    /** Cancelled by a caller before it finished. */
    record Cancelled() implements JobState {
    }

    /** What a running job is doing. */
    enum Phase { FETCHING, SCANNING, CLASSIFYING }

    /** Status name of a queued job. */
    String PENDING = "pending";
    /** Status name of a job being fetched, scanned or classified. */
    String RUNNING = "running";

    /** The status name of the contract: {@code pending}, {@code running}, {@code completed}, ... */
    default String status() {
        return switch (this) {
            case Pending p -> PENDING;
            case Running r -> RUNNING;
            case Completed c -> "completed";
            case Failed f -> "failed";
            case Cancelled c -> "cancelled";
        };
    }

    default boolean terminal() {
        return switch (this) {
            case Pending p -> false;
            case Running r -> false;
            case Completed c -> true;
            case Failed f -> true;
            case Cancelled c -> true;
        };
    }
}
