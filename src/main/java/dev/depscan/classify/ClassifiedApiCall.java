package dev.depscan.classify;

import dev.depscan.scan.ApiCall;

import java.util.List;
import java.util.Objects;

/**
 * An API call with the categories whose {@code api_patterns} match its URL, and the verdict their status gives.
 *
 * @param call       the call
 * @param categories matching categories, in config order
 * @param verdict    restricted when a matching category is restricted, allowed when one is allowed, else unknown
 */
public record ClassifiedApiCall(ApiCall call, List<String> categories, Verdict verdict) {

    public ClassifiedApiCall {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(verdict, "verdict");
        categories = List.copyOf(categories);
    }
}
