package dev.depscan.manifest.python;

import dev.depscan.scan.Dependency;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.ScanIssue;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ManifestParser;
import dev.depscan.scan.spi.ParseResult;
import dev.depscan.scan.spi.TreePaths;
import dev.depscan.scan.spi.TreeReader;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pip requirements and constraints files.
 *
 * <p>Accepted paths: a file named {@code requirements*.txt}, {@code constraints*.txt} (or the pip-tools {@code .in}
 * sources of either) in any directory, and any {@code .txt}/{@code .in} file below a directory named
 * {@code requirements} ({@code requirements/base.txt}, {@code requirements/pytorch/test.txt}).
 *
 * <p>Scope rule: entries of a constraints file ({@code constraints*} or anything included with {@code -c}) are
 * {@code MANAGED} and not direct, because a constraint pins a version without asking for the package. Otherwise the
 * scope comes from the file that lists the entry, split into words at non-alphanumerics (for files below a
 * {@code requirements} directory, the path below it): a word {@code test}, {@code tests} or {@code testing} makes it
 * {@code TEST}; else {@code dev}, {@code devel}, {@code develop}, {@code development}, {@code lint} or {@code docs}
 * makes it {@code DEV}; else {@code RUNTIME}. So {@code requirements-dev.txt} is DEV, while the {@code -r
 * requirements.txt} it includes stays RUNTIME, and {@code latest.txt} is not a test file.
 *
 * <p>Includes ({@code -r}, {@code -c}) are resolved relative to the including file, inside the tree only; their
 * entries carry the included file as evidence. Missing files, cycles and remote includes become issues.
 */
public final class RequirementsTxtParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "python/requirements";

    private static final int MAX_INCLUDE_DEPTH = 16;
    private static final int MAX_INCLUDED_FILES = 200;
    private static final Set<String> TEST_WORDS = Set.of("test", "tests", "testing");
    private static final Set<String> DEV_WORDS = Set.of("dev", "devel", "develop", "development", "lint", "docs");
    private static final Pattern COMMENT_START = Pattern.compile("^\\s*#");
    private static final Pattern TRAILING_COMMENT = Pattern.compile("(^|\\s)#.*$");
    private static final Pattern OPTION_AFTER_REQUIREMENT = Pattern.compile("\\s+--?[A-Za-z]");
    private static final Pattern URL_FORM = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]*\\s*(\\[[^\\]]*])?\\s*@");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern EGG = Pattern.compile("[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)");
    private static final Pattern SDIST = Pattern.compile(
            "^([A-Za-z0-9][A-Za-z0-9._]*(?:-[A-Za-z_][A-Za-z0-9._]*)*)-(\\d[A-Za-z0-9.+!_]*)\\.(?:tar\\.gz|tgz|zip|tar\\.bz2)$");
    private static final Pattern ARCHIVE = Pattern.compile(".*\\.(?:whl|tar\\.gz|tgz|zip|tar\\.bz2)$");

    public RequirementsTxtParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        String[] segments = path.split("/");
        String file = segments[segments.length - 1];
        if (!file.endsWith(".txt") && !file.endsWith(".in")) {
            return false;
        }
        if (file.startsWith("requirements") || file.startsWith("constraints")) {
            return true;
        }
        return Arrays.asList(segments).subList(0, segments.length - 1).contains("requirements");
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        Run run = new Run(input.tree());
        boolean constraints = fileName(input.path()).startsWith("constraints");
        run.parseFile(input.path(), input.text(), constraints, new ArrayDeque<>());
        return new ParseResult(run.dependencies, run.issues);
    }

    /** The scope of a file's entries by its path; see the class comment. */
    static Scope scopeOf(String path) {
        String[] segments = path.split("/");
        int from = segments.length - 1;
        for (int i = segments.length - 2; i >= 0; i--) {
            if (segments[i].equals("requirements")) {
                from = i + 1;
                break;
            }
        }
        String below = String.join("/", Arrays.asList(segments).subList(from, segments.length));
        List<String> words = Arrays.asList(below.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"));
        if (words.stream().anyMatch(TEST_WORDS::contains)) {
            return Scope.TEST;
        }
        if (words.stream().anyMatch(DEV_WORDS::contains)) {
            return Scope.DEV;
        }
        return Scope.RUNTIME;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** A logical line: physical lines joined at trailing backslashes, numbered by its first physical line. */
    private record Line(int number, String text) {
    }

    /** Joins continuation lines the way pip does: a comment line never continues. */
    static List<Line> logicalLines(String text) {
        List<Line> lines = new ArrayList<>();
        StringBuilder pending = null;
        int pendingNumber = 0;
        int number = 0;
        for (String physical : text.split("\\r?\\n|\\r", -1)) {
            number++;
            boolean comment = COMMENT_START.matcher(physical).find();
            if (physical.endsWith("\\") && !comment) {
                if (pending == null) {
                    pending = new StringBuilder();
                    pendingNumber = number;
                }
                pending.append(physical, 0, physical.length() - 1);
                continue;
            }
            if (pending != null) {
                pending.append(comment ? "" : physical);
                lines.add(new Line(pendingNumber, pending.toString()));
                pending = null;
            } else {
                lines.add(new Line(number, physical));
            }
        }
        if (pending != null) {
            lines.add(new Line(pendingNumber, pending.toString()));
        }
        return lines;
    }

    /** State of one {@link #parse} call, across the files it includes. */
    private static final class Run {

        private final TreeReader tree;
        private final List<Dependency> dependencies = new ArrayList<>();
        private final List<ScanIssue> issues = new ArrayList<>();
        private int includedFiles;

        Run(TreeReader tree) {
            this.tree = tree;
        }

        void parseFile(String path, String text, boolean constraints, Deque<String> stack) {
            stack.push(path);
            Scope scope = constraints ? Scope.MANAGED : scopeOf(path);
            for (Line line : logicalLines(text)) {
                String content = TRAILING_COMMENT.matcher(line.text()).replaceFirst("").strip();
                if (content.isEmpty()) {
                    continue;
                }
                if (content.startsWith("-")) {
                    option(path, line.number(), content, constraints, scope, stack);
                } else {
                    requirement(path, line.number(), content, scope, constraints);
                }
            }
            stack.pop();
        }

        private void option(String path, int line, String content, boolean constraints, Scope scope,
                            Deque<String> stack) {
            String[] tokens = content.split("\\s+", 2);
            String option = tokens[0];
            String value = tokens.length > 1 ? tokens[1].strip() : "";
            int eq = option.indexOf('=');
            if (option.startsWith("--") && eq > 0) {
                value = option.substring(eq + 1);
                option = option.substring(0, eq);
            } else if (!option.startsWith("--") && option.length() > 2) {
                value = option.substring(2) + (value.isEmpty() ? "" : " " + value);
                option = option.substring(0, 2);
            }
            switch (option) {
                case "-r", "--requirement" -> include(path, line, value, constraints, stack);
                case "-c", "--constraint" -> include(path, line, value, true, stack);
                case "-e", "--editable" -> reference(path, line, value, scope, constraints);
                default -> {
                    // index, hash and install options say nothing about which packages are needed
                }
            }
        }

        private void include(String from, int line, String target, boolean constraints, Deque<String> stack) {
            String name = target.split("\\s+")[0];
            if (name.isEmpty()) {
                issue(from, line, "include without a file name");
                return;
            }
            if (SCHEME.matcher(name).find() && name.contains("://")) {
                issue(from, line, "remote include is not followed: " + shorten(name));
                return;
            }
            Optional<String> resolved = resolve(from, name);
            if (resolved.isEmpty()) {
                issue(from, line, "include leaves the repository: " + shorten(name));
                return;
            }
            String path = resolved.get();
            if (stack.contains(path)) {
                issue(from, line, "include cycle: " + path + " is already being read");
                return;
            }
            if (stack.size() >= MAX_INCLUDE_DEPTH || includedFiles >= MAX_INCLUDED_FILES) {
                issue(from, line, "too many nested includes, not reading " + path);
                return;
            }
            Optional<String> text = tree.readText(path);
            if (text.isEmpty()) {
                issue(from, line, "included file not found or unreadable: " + path);
                return;
            }
            includedFiles++;
            parseFile(path, text.get(), constraints, stack);
        }

        private void requirement(String path, int line, String content, Scope scope, boolean constraints) {
            Matcher option = OPTION_AFTER_REQUIREMENT.matcher(content);
            String spec = option.find() ? content.substring(0, option.start()).strip() : content;
            if (URL_FORM.matcher(spec).find() || !looksLikeReference(spec)) {
                Optional<Pep508.Requirement> requirement = Pep508.parse(spec);
                if (requirement.isEmpty()) {
                    issue(path, line, "cannot parse requirement: " + shorten(spec));
                    return;
                }
                Pep508.Requirement r = requirement.get();
                Optional<String> resolved = r.exactVersion().or(() -> r.url().flatMap(Run::wheelVersion));
                add(path, line, r.name(), r.specifier(), resolved, scope, constraints);
            } else {
                reference(path, line, spec, scope, constraints);
            }
        }

        private static boolean looksLikeReference(String spec) {
            return SCHEME.matcher(spec).find() && (spec.contains("://") || spec.startsWith("file:"))
                    || spec.startsWith(".") || spec.startsWith("/") || spec.startsWith("~")
                    || spec.contains("/") || spec.contains("\\") || ARCHIVE.matcher(spec).matches();
        }

        /** A URL or path: named by its {@code #egg=} fragment or its archive file name; a bare local path is skipped. */
        private void reference(String path, int line, String value, Scope scope, boolean constraints) {
            String ref = value.split("\\s+")[0];
            if (ref.isEmpty()) {
                issue(path, line, "editable requirement without a location");
                return;
            }
            if (URL_FORM.matcher(value).find()) {
                requirement(path, line, value, scope, constraints);
                return;
            }
            Matcher egg = EGG.matcher(ref);
            if (egg.find()) {
                add(path, line, Pep508.normalize(egg.group(1)), Optional.empty(), Optional.empty(), scope, constraints);
                return;
            }
            String file = lastSegment(ref);
            if (file.endsWith(".whl")) {
                String[] parts = file.substring(0, file.length() - 4).split("-");
                if (parts.length >= 5 && Pep508.isValidName(parts[0])) {
                    add(path, line, Pep508.normalize(parts[0]), Optional.of(parts[1]), Optional.of(parts[1]), scope,
                            constraints);
                    return;
                }
            }
            Matcher sdist = SDIST.matcher(file);
            if (sdist.matches()) {
                add(path, line, Pep508.normalize(sdist.group(1)), Optional.of(sdist.group(2)), Optional.of(sdist.group(2)),
                        scope, constraints);
                return;
            }
            boolean remote = SCHEME.matcher(ref).find() && ref.contains("://") && !ref.startsWith("file:");
            if (remote) {
                issue(path, line, "cannot tell the package name of " + shorten(stripCredentials(ref))
                        + " (add #egg=<name> or use 'name @ url')");
            }
            // a local path (-e ., ./libs/x) is the repository's own code, not a dependency
        }

        private static Optional<String> wheelVersion(String url) {
            String file = lastSegment(url);
            if (!file.endsWith(".whl")) {
                return Optional.empty();
            }
            String[] parts = file.substring(0, file.length() - 4).split("-");
            return parts.length >= 5 ? Optional.of(parts[1]) : Optional.empty();
        }

        private static String lastSegment(String ref) {
            String s = ref;
            int cut = s.indexOf('#');
            if (cut >= 0) {
                s = s.substring(0, cut);
            }
            cut = s.indexOf('?');
            if (cut >= 0) {
                s = s.substring(0, cut);
            }
            s = s.replace('\\', '/');
            s = s.substring(s.lastIndexOf('/') + 1);
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        }

        private void add(String path, int line, String name, Optional<String> version, Optional<String> resolved,
                         Scope scope, boolean constraints) {
            dependencies.add(new Dependency(Ecosystem.PYPI, name, version, resolved, scope, !constraints,
                    new Evidence(path, line, Evidence.Kind.MANIFEST, ID)));
        }

        private void issue(String path, int line, String message) {
            issues.add(new ScanIssue(path, line, ID, message));
        }

        /** The included file's repository path, or empty when it would leave the tree. */
        static Optional<String> resolve(String from, String target) {
            return TreePaths.resolve(TreePaths.directoryOf(from), target);
        }
    }

    /** Credentials in a URL ({@code https://user:token@host}) must never reach an issue message. */
    private static String stripCredentials(String url) {
        return url.replaceFirst("://[^/@]*@", "://");
    }

    private static String shorten(String s) {
        String clean = stripCredentials(s);
        return clean.length() <= 120 ? clean : clean.substring(0, 117) + "...";
    }
}
