package dev.depscan.manifest.gradle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Evaluates the expressions of one build script against what the repository defines: the script's own variables,
 * scripts it applies, its parent projects' scripts, {@code buildSrc} constants, {@code gradle.properties} and version
 * catalogs. Only strings are ever produced; nothing is executed.
 */
final class GradleResolver {

    /** Marks the raw text of a part that could not be resolved inside a {@link #render(GradleExpr)}ed string. */
    static final char OPEN = '\u0001';
    static final char CLOSE = '\u0002';
    private static final int MAX_DEPTH = 24;

    private final List<Map<String, GradleExpr>> scopes;
    private final List<Map<String, String>> properties;
    private final Map<String, VersionCatalog> catalogs;
    private final boolean kotlin;
    private int depth;

    /**
     * @param scopes     variables, nearest first
     * @param properties {@code gradle.properties} contents, nearest first
     * @param catalogs   version catalogs by accessor name ({@code libs})
     */
    GradleResolver(List<Map<String, GradleExpr>> scopes, List<Map<String, String>> properties,
                   Map<String, VersionCatalog> catalogs, boolean kotlin) {
        this.scopes = List.copyOf(scopes);
        this.properties = List.copyOf(properties);
        this.catalogs = Map.copyOf(catalogs);
        this.kotlin = kotlin;
    }

    /** The same resolver with extra variables that win over all others. */
    GradleResolver with(Map<String, GradleExpr> nearest) {
        List<Map<String, GradleExpr>> more = new ArrayList<>();
        more.add(nearest);
        more.addAll(scopes);
        return new GradleResolver(more, properties, catalogs, kotlin);
    }

    Map<String, VersionCatalog> catalogs() {
        return catalogs;
    }

    /** The string value, when every part of it resolves. */
    Optional<String> eval(GradleExpr expr) {
        String rendered = render(expr);
        return rendered.indexOf(OPEN) < 0 ? Optional.of(rendered) : Optional.empty();
    }

    /** The string value, with each unresolved part kept as its source text between {@link #OPEN} and {@link #CLOSE}. */
    String render(GradleExpr expr) {
        if (depth > MAX_DEPTH) {
            return mark("...");
        }
        depth++;
        try {
            return switch (expr) {
                case GradleExpr.Str str -> {
                    StringBuilder out = new StringBuilder();
                    for (GradleLexer.Part part : str.parts()) {
                        if (!part.template()) {
                            out.append(part.text());
                        } else {
                            String value = render(GradleScript.expression(part.text(), kotlin));
                            out.append(value.indexOf(OPEN) < 0 ? value : mark(part.raw()));
                        }
                    }
                    yield out.toString();
                }
                case GradleExpr.Concat concat -> {
                    StringBuilder out = new StringBuilder();
                    concat.items().forEach(item -> out.append(render(item)));
                    yield out.toString();
                }
                case GradleExpr.Ref ref -> lookup(ref).map(this::render).filter(v -> v.indexOf(OPEN) < 0)
                        .or(() -> catalogVersion(ref))
                        .or(() -> property(ref.joined()))
                        .orElse(mark(ref.joined()));
                case GradleExpr.Call call -> mark(call.name() + "(...)");
                case GradleExpr.MapLit map -> mark("[...]");
                case GradleExpr.ListLit list -> mark("[...]");
                case GradleExpr.Unknown unknown -> mark(unknown.text());
            };
        } finally {
            depth--;
        }
    }

    /** The expression a variable or property path is defined as, nearest definition first. */
    Optional<GradleExpr> lookup(GradleExpr.Ref ref) {
        String key = ref.joined();
        for (Map<String, GradleExpr> scope : scopes) {
            GradleExpr value = scope.get(key);
            if (value != null && !(value instanceof GradleExpr.Ref same && same.joined().equals(key))) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private Optional<String> property(String key) {
        for (Map<String, String> props : properties) {
            String value = props.get(key);
            if (value != null) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }

    /** {@code libs.versions.kotlin} (the {@code .get()} is already gone). */
    private Optional<String> catalogVersion(GradleExpr.Ref ref) {
        List<String> path = ref.path();
        if (path.size() < 3 || !path.get(1).equals("versions") || !catalogs.containsKey(path.getFirst())) {
            return Optional.empty();
        }
        String alias = VersionCatalog.normalise(String.join(".", path.subList(2, path.size())));
        return Optional.ofNullable(catalogs.get(path.getFirst()).versions().get(alias));
    }

    static String mark(String raw) {
        return OPEN + raw + CLOSE;
    }

    /** Whether a rendered string contains an unresolved part. */
    static boolean unresolved(String rendered) {
        return rendered.indexOf(OPEN) >= 0;
    }

    /** The rendered text with the markers removed, i.e. resolved parts resolved and the rest as written. */
    static String raw(String rendered) {
        return rendered.replace(String.valueOf(OPEN), "").replace(String.valueOf(CLOSE), "");
    }

    /** Splits a rendered string on {@code separator}, never inside an unresolved part. */
    static List<String> split(String rendered, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inMark = false;
        for (char c : rendered.toCharArray()) {
            if (c == OPEN) {
                inMark = true;
            } else if (c == CLOSE) {
                inMark = false;
            }
            if (c == separator && !inMark) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    static boolean isConcrete(String version) {
        Objects.requireNonNull(version, "version");
        return !version.isBlank()
                && !unresolved(version)
                && !version.contains("$")
                && !version.contains("+")
                && !version.startsWith("latest.")
                && version.chars().noneMatch(c -> "[]()," .indexOf(c) >= 0 || Character.isWhitespace(c));
    }
}
