package dev.depscan.classify;

import dev.depscan.scan.ApiCall;

import dev.depscan.scan.Finding;
import dev.depscan.scan.ScanReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sorts findings into the categories of a {@link CategoryConfig} and gives each a {@link Verdict}: restricted when a
 * matching category is restricted or a {@code restrict} pattern matches; else allowed when a matching category is
 * allowed or an {@code allow} pattern matches; else unknown. A finding may belong to several categories. Immutable
 * and safe to share.
 */
public final class Classifier {

    private final CategoryConfig config;
    private final List<CompiledCategory> categories;
    private final List<NamePattern> allow;
    private final List<NamePattern> restrict;

    public Classifier(CategoryConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.categories = config.categories().stream()
                .map(c -> new CompiledCategory(c.name(), compile(c.dependencies()), c.status(),
                                               c.apiPatterns().stream().map(Classifier::urlGlob).toList()))
                .toList();
        this.allow = compile(config.allow());
        this.restrict = compile(config.restrict());
    }

    public Classification classify(ScanReport report) {
        Objects.requireNonNull(report, "report");
        Map<String, Boolean> flags = new LinkedHashMap<>();
        config.categories().forEach(c -> flags.put(c.name(), false));
        List<ClassifiedFinding> classified = new ArrayList<>();
        for (Finding finding : report.findings()) {
            ClassifiedFinding c = classify(finding);
            c.categories().forEach(name -> flags.put(name, true));
            classified.add(c);
        }
        Map<String, Boolean> apiUsage = new LinkedHashMap<>();
        config.categories().forEach(c -> apiUsage.put(c.name(), false));
        List<ClassifiedApiCall> calls = new ArrayList<>();
        for (ApiCall call : report.apiCalls()) {
            List<String> names = new ArrayList<>();
            boolean restricted = false;
            boolean allowed = false;
            for (CompiledCategory category : categories) {
                if (category.apiPatterns().stream().anyMatch(p -> p.matcher(call.url()).matches())) {
                    names.add(category.name());
                    apiUsage.put(category.name(), true);
                    restricted |= category.status().filter(s -> s == Category.Status.RESTRICTED).isPresent();
                    allowed |= category.status().filter(s -> s == Category.Status.ALLOWED).isPresent();
                }
            }
            calls.add(new ClassifiedApiCall(call, names,
                                            restricted ? Verdict.RESTRICTED : allowed ? Verdict.ALLOWED : Verdict.UNKNOWN));
        }
        return new Classification(flags, classified, apiUsage, calls);
    }

    /** An {@code api_patterns} glob, fnmatch style as the previous service used it: {@code *} and {@code ?} cross {@code /}. */
    static Pattern urlGlob(String glob) {
        StringBuilder regex = new StringBuilder("(?i)");
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** One finding's categories and verdict. */
    public ClassifiedFinding classify(Finding finding) {
        List<String> names = new ArrayList<>();
        boolean restricted = anyMatch(restrict, finding);
        boolean allowed = anyMatch(allow, finding);
        for (CompiledCategory category : categories) {
            if (anyMatch(category.patterns(), finding)) {
                names.add(category.name());
                restricted |= category.status().filter(s -> s == Category.Status.RESTRICTED).isPresent();
                allowed |= category.status().filter(s -> s == Category.Status.ALLOWED).isPresent();
            }
        }
        Verdict verdict = restricted ? Verdict.RESTRICTED : allowed ? Verdict.ALLOWED : Verdict.UNKNOWN;
        return new ClassifiedFinding(finding, names, verdict);
    }

    private static boolean anyMatch(List<NamePattern> patterns, Finding finding) {
        for (NamePattern pattern : patterns) {
            if (pattern.matches(finding.ecosystem(), finding.name())) {
                return true;
            }
        }
        return false;
    }

    private static List<NamePattern> compile(List<String> patterns) {
        return patterns.stream().map(NamePattern::parse).toList();
    }

    private record CompiledCategory(String name, List<NamePattern> patterns, Optional<Category.Status> status,
                                    List<Pattern> apiPatterns) {
    }
}
