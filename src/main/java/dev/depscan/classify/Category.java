package dev.depscan.classify;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One category of the category file.
 *
 * @param name         as written in the file; the key of its flag
 * @param dependencies package patterns (see {@link CategoryConfig} for their syntax)
 * @param apiPatterns  URL globs of API calls, kept for API-call detection
 * @param status       whether the organisation allows or restricts packages of this category, if it says
 */
public record Category(String name, List<String> dependencies, List<String> apiPatterns, Optional<Status> status) {

    /** An organisation's stance on a category. */
    public enum Status { ALLOWED, RESTRICTED }

    public Category {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        dependencies = List.copyOf(dependencies);
        apiPatterns = List.copyOf(apiPatterns);
        if (name.isBlank()) {
            throw new IllegalArgumentException("category name must not be blank");
        }
    }
}
