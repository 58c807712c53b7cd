package dev.depscan.manifest.ruby;

import dev.depscan.scan.Dependency;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ManifestParser;
import dev.depscan.scan.spi.ParseResult;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Gemfile}, {@code gems.rb} and {@code *.gemspec}, read as text: Ruby is never evaluated.
 *
 * <p>In a Gemfile every {@code gem "name", "requirement"...} call is a dependency; its version is the requirements
 * joined with {@code ", "} (exact only when it is one plain version). The scope comes from the enclosing
 * {@code group ... do} blocks and a {@code group:}/{@code groups:} keyword together: any {@code :test} group gives
 * TEST, otherwise any {@code :development} group gives DEV, anything else (no group, {@code :production},
 * {@code :default}, custom groups) RUNTIME. Gems from {@code git:}, {@code github:} or {@code path:} keep any version
 * they state. {@code gemspec}, {@code source}, {@code ruby} and {@code plugin} lines are not dependencies. Conditional
 * blocks ({@code if}, {@code platforms}, {@code install_if}) are read as if they applied. In a gemspec,
 * {@code add_dependency}/{@code add_runtime_dependency} are RUNTIME and {@code add_development_dependency} DEV.
 * A call whose name is not a literal (a variable, an interpolated string) is skipped.
 */
public final class GemfileParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "ruby/gemfile";

    private static final Pattern GEM = Pattern.compile("^gem(?=[\\s(])(.*)$");
    private static final Pattern SPEC_DEPENDENCY =
            Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*\\.add_(runtime_|development_)?dependency(?=[\\s(])(.*)$");
    private static final Pattern GROUP = Pattern.compile("^group(?=[\\s(])(.*?)\\bdo\\b\\s*(\\|[^|]*\\|)?\\s*$");
    private static final Pattern DO_BLOCK = Pattern.compile("\\bdo\\s*(\\|[^|]*\\|)?\\s*$");
    private static final Pattern KEYWORD_BLOCK = Pattern.compile("^(if|unless|case|while|until|begin|def|class|module)\\b.*");
    private static final Pattern ENDS_BLOCK = Pattern.compile("^end\\b.*");
    private static final Pattern PLAIN_VERSION = Pattern.compile("^=?\\s*(\\d+(?:\\.[0-9A-Za-z]+)*)$");

    public GemfileParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.equals("Gemfile") || name.equals("gems.rb") || name.endsWith(".gemspec") && name.length() > 8;
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        List<Dependency> dependencies = new ArrayList<>();
        Deque<Set<String>> blocks = new ArrayDeque<>();
        String[] lines = input.text().split("\r?\n", -1);
        for (int index = 0; index < lines.length; index++) {
            int number = index + 1;
            StringBuilder statement = new StringBuilder(RubyArgs.stripComment(lines[index]).strip());
            while (RubyArgs.continues(statement.toString()) && index + 1 < lines.length) {
                index++;
                statement.append(' ').append(RubyArgs.stripComment(lines[index]).strip());
            }
            String code = statement.toString().strip();
            if (code.isEmpty()) {
                continue;
            }
            Matcher group = GROUP.matcher(code);
            if (group.matches()) {
                Set<String> names = new HashSet<>();
                RubyArgs.parse(group.group(1)).forEach(arg -> names.addAll(RubyArgs.values(arg)));
                blocks.push(names);
                continue;
            }
            if (ENDS_BLOCK.matcher(code).matches()) {
                if (!blocks.isEmpty()) {
                    blocks.pop();
                }
                continue;
            }
            Matcher gem = GEM.matcher(code);
            Matcher spec = SPEC_DEPENDENCY.matcher(code);
            if (gem.matches()) {
                declaration(RubyArgs.parse(withoutBlock(gem.group(1))), groups(blocks), number, input.path())
                        .ifPresent(dependencies::add);
            } else if (spec.matches()) {
                Set<String> groups = "development_".equals(spec.group(1)) ? Set.of("development") : Set.of();
                declaration(RubyArgs.parse(spec.group(2)), groups, number, input.path()).ifPresent(dependencies::add);
            }
            if (DO_BLOCK.matcher(code).find()
                    || KEYWORD_BLOCK.matcher(code).matches() && !code.matches(".*[;\\s]end$")) {
                blocks.push(Set.of());
            }
        }
        return ParseResult.of(dependencies);
    }

    /** {@code gem "x" do ... end} is rare but legal; the block is not an argument. */
    private static String withoutBlock(String args) {
        return args.replaceFirst("\\s+do\\s*(\\|[^|]*\\|)?\\s*$", "");
    }

    private static Set<String> groups(Deque<Set<String>> blocks) {
        Set<String> all = new HashSet<>();
        blocks.forEach(all::addAll);
        return all;
    }

    private static Optional<Dependency> declaration(List<RubyArgs.Arg> args, Set<String> enclosing, int line,
                                                    String path) {
        if (args.isEmpty() || args.getFirst().key().isPresent() || !args.getFirst().literal()) {
            return Optional.empty();
        }
        String name = args.getFirst().value().strip();
        if (name.isEmpty() || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            return Optional.empty();
        }
        List<String> requirements = new ArrayList<>();
        Set<String> groups = new HashSet<>(enclosing);
        for (RubyArgs.Arg arg : args.subList(1, args.size())) {
            if (arg.key().isEmpty()) {
                requirements.addAll(RubyArgs.values(arg));
            } else if (arg.key().get().equals("group") || arg.key().get().equals("groups")) {
                groups.addAll(RubyArgs.values(arg));
            }
        }
        Optional<String> version = requirements.isEmpty() ? Optional.empty()
                : Optional.of(String.join(", ", requirements));
        Optional<String> resolved = Optional.empty();
        if (requirements.size() == 1) {
            Matcher plain = PLAIN_VERSION.matcher(requirements.getFirst().strip());
            if (plain.matches()) {
                resolved = Optional.of(plain.group(1));
            }
        }
        Scope scope = groups.contains("test") ? Scope.TEST
                : groups.contains("development") || groups.contains("dev") ? Scope.DEV : Scope.RUNTIME;
        return Optional.of(new Dependency(Ecosystem.GEM, name, version, resolved, scope, true,
                                          new Evidence(path, line, Evidence.Kind.MANIFEST, ID)));
    }
}
