package dev.depscan.classify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classified result of one scan.
 *
 * @param flags    every configured category, in config order, true when any finding belongs to it (the previous
 *                 service's {@code dependencies: {category: bool}})
 * @param findings every finding of the report, in report order, with its categories and verdict
 */
public record Classification(Map<String, Boolean> flags, List<ClassifiedFinding> findings) {

    public Classification {
        flags = Collections.unmodifiableMap(new LinkedHashMap<>(flags));
        findings = List.copyOf(findings);
    }
}
