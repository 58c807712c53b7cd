package dev.depscan.job;

import java.util.Objects;
import java.util.Optional;

/**
 * A page of the job history.
 *
 * @param status  only jobs whose state has this status name ({@code pending}, {@code running}, ...)
 * @param gitUrl  only jobs of this normalised repository URL
 * @param page    1-based page
 * @param perPage jobs per page, 1..100
 * @param owner   only jobs this principal submitted
 */
public record JobQuery(Optional<String> status, Optional<String> gitUrl, int page, int perPage, Optional<String> owner) {

    public static final int MAX_PER_PAGE = 100;

    public JobQuery {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(gitUrl, "gitUrl");
        Objects.requireNonNull(owner, "owner");
        if (page < 1) {
            throw new IllegalArgumentException("page must be >= 1");
        }
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new IllegalArgumentException("per_page must be within 1.." + MAX_PER_PAGE);
        }
    }

    /** Any owner's jobs. */
    public JobQuery(Optional<String> status, Optional<String> gitUrl, int page, int perPage) {
        this(status, gitUrl, page, perPage, Optional.empty());
    }

    /** The same query, restricted to {@code name}'s jobs. */
    public JobQuery ownedBy(String name) {
        return new JobQuery(status, gitUrl, page, perPage, Optional.of(name));
    }
}
