package dev.depscan.classify;

import dev.depscan.scan.Finding;

import java.util.List;
import java.util.Objects;

/**
 * A finding with the categories it belongs to and the resulting verdict.
 *
 * @param finding    the scanner's finding
 * @param categories names of every matching category, in config order; may be empty
 * @param verdict    restricted, allowed or unknown
 */
public record ClassifiedFinding(Finding finding, List<String> categories, Verdict verdict) {

    public ClassifiedFinding {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(verdict, "verdict");
        categories = List.copyOf(categories);
    }
}
