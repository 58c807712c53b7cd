package dev.depscan.manifest.nuget;

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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code packages.lock.json} (NuGet lock file, versions 1 and 2): every package of every target framework with its
 * resolved version. {@code Direct} entries are direct (their version text is the {@code requested} range),
 * {@code Transitive} and {@code CentralTransitive} ones {@code direct=false}, and {@code Project} entries (the
 * repository's own projects) are left out. A package locked for several frameworks at the same version is one entry.
 */
public final class PackagesLockJsonParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "nuget/packages-lock";

    public PackagesLockJsonParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        return path.equals("packages.lock.json") || path.endsWith("/packages.lock.json");
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        List<Dependency> dependencies = new ArrayList<>();
        List<ScanIssue> issues = new ArrayList<>();
        if (input.text().isBlank()) {
            return ParseResult.of(dependencies);
        }
        Set<String> seen = new HashSet<>();
        try (JsonParser json = BoundedJson.FACTORY.createParser(input.text())) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return ParseResult.failed(new ScanIssue(input.path(), 0, ID, "packages.lock.json is not a JSON object"));
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                if (json.nextToken() != JsonToken.START_OBJECT || !field.equals("dependencies")) {
                    json.skipChildren();
                    continue;
                }
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    if (json.nextToken() != JsonToken.START_OBJECT) {
                        json.skipChildren();
                        continue;
                    }
                    while (json.nextToken() == JsonToken.FIELD_NAME) {
                        String name = json.currentName();
                        int line = Math.max(0, json.currentTokenLocation().getLineNr());
                        if (json.nextToken() != JsonToken.START_OBJECT) {
                            json.skipChildren();
                            continue;
                        }
                        readEntry(json, name, line, input.path(), seen, dependencies);
                    }
                }
            }
        } catch (StreamConstraintsException e) {
            issues.add(new ScanIssue(input.path(), 0, ID,
                                     "packages.lock.json nests deeper than " + BoundedJson.MAX_NESTING + " levels"));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            issues.add(new ScanIssue(input.path(), line, ID, "packages.lock.json is not valid JSON"));
        } catch (IOException e) {
            issues.add(new ScanIssue(input.path(), 0, ID, "packages.lock.json could not be read"));
        }
        return new ParseResult(dependencies, issues);
    }

    private static void readEntry(JsonParser json, String name, int line, String path, Set<String> seen,
                                  List<Dependency> dependencies) throws IOException {
        String type = "";
        String requested = null;
        String resolved = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (value == JsonToken.VALUE_STRING) {
                switch (field) {
                    case "type" -> type = json.getText();
                    case "requested" -> requested = json.getText().strip();
                    case "resolved" -> resolved = json.getText().strip();
                    default -> {
                    }
                }
            } else {
                json.skipChildren();
            }
        }
        if (type.equalsIgnoreCase("Project") || resolved == null
                || !seen.add(name.toLowerCase(Locale.ROOT) + "@" + resolved)) {
            return;
        }
        boolean direct = type.equalsIgnoreCase("Direct");
        Optional<String> version = Optional.ofNullable(direct && requested != null ? requested : resolved);
        dependencies.add(new Dependency(Ecosystem.NUGET, name, version, Optional.of(resolved), Scope.RUNTIME, direct,
                                        new Evidence(path, line, Evidence.Kind.MANIFEST, ID)));
    }
}
