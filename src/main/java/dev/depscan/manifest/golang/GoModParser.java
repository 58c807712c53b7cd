package dev.depscan.manifest.golang;

import dev.depscan.scan.Dependency;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.ScanIssue;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ManifestParser;
import dev.depscan.scan.spi.ParseResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code go.mod}: {@code require} lines and blocks, with {@code replace} applied.
 *
 * <p>Every requirement is RUNTIME; one marked {@code // indirect} is {@code direct=false}. Go versions are exact, so
 * the declared version is also the resolved one, unless a {@code replace} points the module at another version
 * ({@code => other/module v1.2.3}: that version is the resolved one) or at a local directory ({@code => ../fork}:
 * no resolved version, the code is in the repository). {@code exclude} and {@code retract} list versions that are not
 * used, so they are not dependencies; {@code module}, {@code go} and {@code toolchain} are not either. go.sum is not
 * read: it lists every module of the build graph, not what the project declares.
 */
public final class GoModParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "golang/go-mod";

    private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+\\.\\d+[0-9A-Za-z.+-]*");

    public GoModParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        return path.equals("go.mod") || path.endsWith("/go.mod");
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        List<Require> requires = new ArrayList<>();
        List<Replace> replaces = new ArrayList<>();
        List<ScanIssue> issues = new ArrayList<>();
        String block = "";
        String[] lines = input.text().split("\r?\n", -1);
        for (int index = 0; index < lines.length; index++) {
            int number = index + 1;
            String raw = lines[index];
            int comment = commentStart(raw);
            String code = (comment < 0 ? raw : raw.substring(0, comment)).strip();
            boolean indirect = comment >= 0 && raw.substring(comment + 2).strip().startsWith("indirect");
            if (code.isEmpty()) {
                continue;
            }
            String directive = block;
            String rest = code;
            if (block.isEmpty()) {
                int space = firstSpace(code);
                directive = space < 0 ? code : code.substring(0, space);
                rest = space < 0 ? "" : code.substring(space).strip();
                if (rest.equals("(")) {
                    block = directive;
                    continue;
                }
            } else if (code.equals(")")) {
                block = "";
                continue;
            }
            List<String> tokens = tokens(rest);
            switch (directive) {
                case "require" -> {
                    if (tokens.size() != 2 || !VERSION.matcher(tokens.get(1)).matches()) {
                        issues.add(new ScanIssue(input.path(), number, ID, "not a 'module version' requirement"));
                    } else {
                        requires.add(new Require(tokens.get(0), tokens.get(1), !indirect, number));
                    }
                }
                case "replace" -> replace(tokens).ifPresentOrElse(replaces::add, () ->
                        issues.add(new ScanIssue(input.path(), number, ID, "not a 'module [version] => target' line")));
                default -> {
                }
            }
        }
        if (!block.isEmpty()) {
            issues.add(new ScanIssue(input.path(), lines.length, ID, "the '" + block + " (' block is not closed"));
        }
        List<Dependency> dependencies = new ArrayList<>();
        for (Require require : requires) {
            Optional<String> resolved = Optional.of(require.version());
            for (Replace replace : replaces) {
                if (replace.module().equals(require.module())
                    && replace.version().map(v -> v.equals(require.version())).orElse(true)) {
                    resolved = replace.targetVersion();
                }
            }
            dependencies.add(new Dependency(Ecosystem.GOLANG, require.module(), Optional.of(require.version()), resolved,
                    Scope.RUNTIME, require.direct(),
                    new Evidence(input.path(), require.line(), Evidence.Kind.MANIFEST, ID)));
        }
        return new ParseResult(dependencies, issues);
    }

    /** {@code old [v] => new [v]}; a local target ({@code ./x}, {@code ../x}, {@code /x}) has no version. */
    private static Optional<Replace> replace(List<String> tokens) {
        int arrow = tokens.indexOf("=>");
        if (arrow < 1 || arrow > 2 || arrow == tokens.size() - 1) {
            return Optional.empty();
        }
        Optional<String> version = arrow == 2 ? Optional.of(tokens.get(1)) : Optional.empty();
        List<String> target = tokens.subList(arrow + 1, tokens.size());
        Optional<String> targetVersion = target.size() == 2 && VERSION.matcher(target.get(1)).matches()
                ? Optional.of(target.get(1)) : Optional.empty();
        return Optional.of(new Replace(tokens.get(0), version, targetVersion));
    }

    /** Where a {@code //} comment starts, outside quoted strings; -1 when there is none. */
    private static int commentStart(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '`') {
                quote = c;
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                return i;
            }
        }
        return -1;
    }

    private static int firstSpace(String code) {
        for (int i = 0; i < code.length(); i++) {
            if (Character.isWhitespace(code.charAt(i)) || code.charAt(i) == '(') {
                return i;
            }
        }
        return -1;
    }

    /** Whitespace-separated tokens; quoted module paths ({@code "x"}, {@code `x`}) lose their quotes. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String token : text.strip().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            boolean quoted = token.length() >= 2 && (token.startsWith("\"") && token.endsWith("\"")
                                                     || token.startsWith("`") && token.endsWith("`"));
            tokens.add(quoted ? token.substring(1, token.length() - 1) : token);
        }
        return tokens;
    }

    private record Require(String module, String version, boolean direct, int line) {
    }

    private record Replace(String module, Optional<String> version, Optional<String> targetVersion) {
    }
}
