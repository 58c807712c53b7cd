package dev.depscan.git;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A commit now present in a bare, shallow repository of the cache: open it with
 * {@link GitTreeFileSource#open(Path, String)}. {@code resolvedRef} is the full ref name that was fetched
 * ({@code refs/heads/main}, {@code refs/tags/v1}) or the commit id when a commit was asked for.
 */
public record FetchedRepository(Path gitDir, String commitId, String resolvedRef) {

    public FetchedRepository {
        Objects.requireNonNull(gitDir, "gitDir");
        Objects.requireNonNull(commitId, "commitId");
        Objects.requireNonNull(resolvedRef, "resolvedRef");
        if (!commitId.matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException("commitId must be 40 lower-case hex digits");
        }
    }
}
