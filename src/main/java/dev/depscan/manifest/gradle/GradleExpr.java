package dev.depscan.manifest.gradle;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The few expression shapes build scripts use to name dependencies and versions. Everything else is {@link Unknown}:
 * the scanner reads scripts, it does not evaluate them.
 */
sealed interface GradleExpr {

    /** A string literal; {@code raw} is its source text between the quotes. */
    record Str(List<GradleLexer.Part> parts, String raw) implements GradleExpr {
        public Str {
            parts = List.copyOf(parts);
            Objects.requireNonNull(raw, "raw");
        }

        static Str literal(String text) {
            return new Str(List.of(new GradleLexer.Part(false, text, text)), text);
        }
    }

    /**
     * A property path such as {@code libs.junit.jupiter} or {@code springVersion}, with the ways of spelling "a
     * property" ({@code project.ext.}, {@code extra["x"]}, {@code property("x")}, {@code .get()}) already removed.
     */
    record Ref(List<String> path) implements GradleExpr {
        public Ref {
            path = List.copyOf(path);
            if (path.isEmpty()) {
                throw new IllegalArgumentException("empty path");
            }
        }

        String joined() {
            return String.join(".", path);
        }
    }

    /** A call {@code name(args)}; {@code qualifier} is what came before the name, e.g. {@code dependencies}. */
    record Call(String qualifier, String name, List<GradleExpr> args, Map<String, GradleExpr> named)
            implements GradleExpr {
        public Call {
            Objects.requireNonNull(qualifier, "qualifier");
            Objects.requireNonNull(name, "name");
            args = List.copyOf(args);
            named = Collections.unmodifiableMap(new LinkedHashMap<>(named));
        }
    }

    /** {@code a + b + ...}. */
    record Concat(List<GradleExpr> items) implements GradleExpr {
        public Concat {
            items = List.copyOf(items);
        }
    }

    /** A Groovy map literal {@code [group: 'g', name: 'a']} or Kotlin/Groovy named arguments. */
    record MapLit(Map<String, GradleExpr> entries) implements GradleExpr {
        public MapLit {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }
    }

    /** A Groovy list literal or {@code listOf(...)}. */
    record ListLit(List<GradleExpr> items) implements GradleExpr {
        public ListLit {
            items = List.copyOf(items);
        }
    }

    /** Anything else; {@code text} is a short description for messages. */
    record Unknown(String text) implements GradleExpr {
        public Unknown {
            Objects.requireNonNull(text, "text");
        }
    }
}
