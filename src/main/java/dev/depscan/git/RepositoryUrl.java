package dev.depscan.git;

import java.net.URI;
import java.util.Objects;

/**
 * A Git URL that {@link UrlPolicy} accepted: {@code uri} is what the fetcher connects to (scheme and host lower-case,
 * an IP host in canonical form, no credentials, query or fragment); {@code normalized} names the repository for cache
 * keys and display (no trailing {@code /} or {@code .git}), so {@code https://GitHub.com/a/b.git} and
 * {@code https://github.com/a/b/} are one repository.
 */
public record RepositoryUrl(URI uri, String normalized) {

    public RepositoryUrl {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(normalized, "normalized");
        if (normalized.isBlank()) {
            throw new IllegalArgumentException("normalized must not be blank");
        }
    }

    @Override
    public String toString() {
        return normalized;
    }
}
