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
 * @param apiUsage every configured category, true when any API call matches its {@code api_patterns}
 * @param apiCalls every API call of the report, with the categories its URL matches and the resulting verdict
 */
public record Classification(Map<String, Boolean> flags, List<ClassifiedFinding> findings,
                             Map<String, Boolean> apiUsage, List<ClassifiedApiCall> apiCalls) {

    public Classification {
        flags = Collections.unmodifiableMap(new LinkedHashMap<>(flags));
        findings = List.copyOf(findings);
        apiUsage = Collections.unmodifiableMap(new LinkedHashMap<>(apiUsage));
        apiCalls = List.copyOf(apiCalls);
    }

    public Classification(Map<String, Boolean> flags, List<ClassifiedFinding> findings) {
        this(flags, findings, Map.of(), List.of());
    }
}
