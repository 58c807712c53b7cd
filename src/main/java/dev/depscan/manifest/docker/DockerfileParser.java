package dev.depscan.manifest.docker;

import dev.depscan.scan.Dependency;
import dev.depscan.scan.InfrastructureUse;
import dev.depscan.scan.ScanIssue;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ManifestParser;
import dev.depscan.scan.spi.ParseResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dockerfiles ({@code Dockerfile}, {@code Dockerfile.*}, {@code *.dockerfile}, {@code Containerfile}): the images
 * {@code FROM} and {@code COPY --from=} name. {@code ${ARG}} and {@code $ARG} are replaced by the {@code ARG}
 * defaults of the file; an image still built from an argument without a default is an issue. {@code scratch} and
 * references to earlier stages are not images. The last stage's base image is RUNTIME (it ships), the bases of
 * earlier build stages and {@code COPY --from} images are BUILD. The file shows the repository uses Docker.
 */
public final class DockerfileParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "docker/dockerfile";

    private static final Pattern FROM = Pattern.compile("(?i)^FROM\\s+(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?\\s*$");
    private static final Pattern ARG = Pattern.compile("(?i)^ARG\\s+([A-Za-z_][A-Za-z0-9_]*)(?:=(\\S*))?\\s*$");
    private static final Pattern COPY_FROM = Pattern.compile("(?i)^(?:COPY|RUN)\\s.*--from=(\\S+)");
    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    public DockerfileParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.equals("Dockerfile") || name.startsWith("Dockerfile.") || name.equals("Containerfile")
               || name.toLowerCase(Locale.ROOT).endsWith(".dockerfile");
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        Map<String, String> args = new HashMap<>();
        Set<String> stages = new HashSet<>();
        List<Dependency> dependencies = new ArrayList<>();
        List<ScanIssue> issues = new ArrayList<>();
        int lastFrom = -1;
        int firstFromLine = 0;
        String[] lines = input.text().split("\r?\n", -1);
        for (int index = 0; index < lines.length; index++) {
            int number = index + 1;
            StringBuilder instruction = new StringBuilder(lines[index].strip());
            while (instruction.toString().endsWith("\\") && index + 1 < lines.length) {
                instruction.setLength(instruction.length() - 1);
                instruction.append(' ').append(lines[++index].strip());
            }
            String text = instruction.toString().strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            Matcher arg = ARG.matcher(text);
            Matcher from = FROM.matcher(text);
            Matcher copy = COPY_FROM.matcher(text);
            if (arg.matches()) {
                if (arg.group(2) != null) {
                    args.putIfAbsent(arg.group(1), unquote(arg.group(2)));
                }
            } else if (from.matches()) {
                firstFromLine = firstFromLine == 0 ? number : firstFromLine;
                String image = substitute(from.group(1), args);
                if (from.group(2) != null) {
                    stages.add(from.group(2).toLowerCase(Locale.ROOT));
                }
                if (stages.contains(image.toLowerCase(Locale.ROOT)) && !image.equalsIgnoreCase(from.group(2))) {
                    continue;
                }
                Optional<ImageRef> ref = ImageRef.parse(image);
                if (ref.isPresent()) {
                    dependencies.add(ref.get().dependency(Scope.BUILD, input.path(), number, ID));
                    lastFrom = dependencies.size() - 1;
                } else if (image.contains("$")) {
                    issues.add(new ScanIssue(input.path(), number, ID,
                                             "the base image depends on a build argument without a default"));
                }
            } else if (copy.find()) {
                String source = substitute(copy.group(1), args);
                if (!stages.contains(source.toLowerCase(Locale.ROOT)) && !source.matches("\\d+")) {
                    ImageRef.parse(source).ifPresent(ref -> dependencies.add(ref.dependency(Scope.BUILD, input.path(),
                                                                                             number, ID)));
                }
            }
        }
        if (lastFrom >= 0) {
            Dependency base = dependencies.get(lastFrom);
            dependencies.set(lastFrom, new Dependency(base.ecosystem(), base.name(), base.version(),
                                                      base.resolvedVersion(), Scope.RUNTIME, true, base.evidence()));
        }
        List<InfrastructureUse> uses = firstFromLine == 0 ? List.of()
                : List.of(new InfrastructureUse(InfrastructureUse.DOCKER, input.path(), firstFromLine, Optional.empty(),
                                                ID));
        return new ParseResult(dependencies, issues, uses);
    }

    private static String substitute(String text, Map<String, String> args) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(3);
            String value = args.getOrDefault(name, m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String unquote(String value) {
        return value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                                       || value.startsWith("'") && value.endsWith("'"))
                ? value.substring(1, value.length() - 1) : value;
    }
}
