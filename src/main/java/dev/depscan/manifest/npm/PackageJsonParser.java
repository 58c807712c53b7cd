package dev.depscan.manifest.npm;

import dev.depscan.manifest.json.BoundedJson;
import dev.depscan.scan.Dependency;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.ScanIssue;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ManifestParser;
import dev.depscan.scan.spi.ParseResult;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code package.json}: the four dependency maps of an npm, Yarn or pnpm project.
 *
 * <p>Scopes: {@code dependencies} RUNTIME, {@code devDependencies} DEV, {@code peerDependencies} PEER,
 * {@code optionalDependencies} OPTIONAL. The version is the specifier as written ({@code ^1.2.0}); the resolved
 * version only when the specifier is one exact version ({@code 1.2.3}, {@code =1.2.3}). An alias
 * ({@code "lodash4": "npm:lodash@^4.17.21"}) is reported under the real package's name. Specifiers that point into
 * the repository itself ({@code workspace:}, {@code file:}, {@code link:}, {@code portal:}) are the project's own
 * packages, not dependencies, and are left out. {@code bundledDependencies} only repeat names of the maps above.
 */
public final class PackageJsonParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "npm/package-json";

    private static final Map<String, Scope> SECTIONS = Map.of(
            "dependencies", Scope.RUNTIME,
            "devDependencies", Scope.DEV,
            "peerDependencies", Scope.PEER,
            "optionalDependencies", Scope.OPTIONAL);
    private static final Pattern EXACT =
            Pattern.compile("=?v?(\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?)");
    private static final Pattern LOCAL = Pattern.compile("^(?:workspace|file|link|portal):.*");

    public PackageJsonParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        return path.equals("package.json") || path.endsWith("/package.json");
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        List<Dependency> dependencies = new ArrayList<>();
        List<ScanIssue> issues = new ArrayList<>();
        try (JsonParser json = BoundedJson.FACTORY.createParser(input.text())) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return ParseResult.failed(new ScanIssue(input.path(), line(json), ID,
                                                        "package.json is not a JSON object"));
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                Scope scope = SECTIONS.get(field);
                if (scope == null) {
                    json.skipChildren();
                } else if (json.currentToken() != JsonToken.START_OBJECT) {
                    issues.add(new ScanIssue(input.path(), line(json), ID, "'" + field + "' is not an object"));
                    json.skipChildren();
                } else {
                    readSection(json, input.path(), scope, dependencies, issues);
                }
            }
        } catch (StreamConstraintsException e) {
            return new ParseResult(dependencies, List.of(new ScanIssue(input.path(), 0, ID,
                    "package.json nests deeper than " + BoundedJson.MAX_NESTING + " levels")));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            return new ParseResult(dependencies, List.of(new ScanIssue(input.path(), line, ID,
                    "package.json is not valid JSON")));
        } catch (IOException e) {
            return new ParseResult(dependencies, List.of(new ScanIssue(input.path(), 0, ID,
                    "package.json could not be read")));
        }
        return new ParseResult(dependencies, issues);
    }

    private static void readSection(JsonParser json, String path, Scope scope, List<Dependency> dependencies,
                                    List<ScanIssue> issues) throws IOException {
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String key = json.currentName();
            int line = line(json);
            JsonToken value = json.nextToken();
            if (value != JsonToken.VALUE_STRING) {
                issues.add(new ScanIssue(path, line, ID, "the version of '" + key + "' is not a string"));
                json.skipChildren();
                continue;
            }
            String specifier = json.getText().strip();
            if (key.isBlank() || LOCAL.matcher(specifier).matches()) {
                continue;
            }
            String name = key;
            String version = specifier;
            if (specifier.startsWith("npm:")) {
                String target = specifier.substring("npm:".length());
                int at = target.indexOf('@', 1);
                name = at < 0 ? target : target.substring(0, at);
                version = at < 0 ? "" : target.substring(at + 1);
            }
            var exact = EXACT.matcher(version);
            Optional<String> resolved = exact.matches() ? Optional.of(exact.group(1)) : Optional.empty();
            dependencies.add(new Dependency(Ecosystem.NPM, name, version.isEmpty() ? Optional.empty()
                    : Optional.of(version), resolved, scope, true, new Evidence(path, line, Evidence.Kind.MANIFEST, ID)));
        }
    }

    private static int line(JsonParser json) {
        return Math.max(0, json.currentTokenLocation().getLineNr());
    }
}
