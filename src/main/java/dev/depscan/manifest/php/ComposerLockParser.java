package dev.depscan.manifest.php;

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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code composer.lock}: every installed package with its exact version; {@code packages} are RUNTIME,
 * {@code packages-dev} DEV, all {@code direct=false} (composer.json says what is declared). A leading {@code v} is
 * not part of the resolved version ({@code v6.4.8} resolves to {@code 6.4.8}); the version text keeps it. Branch
 * versions ({@code dev-main}) have no resolved version.
 */
public final class ComposerLockParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "php/composer-lock";

    private static final Map<String, Scope> SECTIONS = Map.of("packages", Scope.RUNTIME, "packages-dev", Scope.DEV);

    public ComposerLockParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        return path.equals("composer.lock") || path.endsWith("/composer.lock");
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        List<Dependency> dependencies = new ArrayList<>();
        List<ScanIssue> issues = new ArrayList<>();
        if (input.text().isBlank()) {
            return ParseResult.of(List.of());
        }
        try (JsonParser json = BoundedJson.FACTORY.createParser(input.text())) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return ParseResult.failed(new ScanIssue(input.path(), line(json), ID, "composer.lock is not a JSON object"));
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                Scope scope = SECTIONS.get(json.currentName());
                json.nextToken();
                if (scope == null || json.currentToken() != JsonToken.START_ARRAY) {
                    json.skipChildren();
                    continue;
                }
                while (json.nextToken() == JsonToken.START_OBJECT) {
                    readPackage(json, input.path(), scope, dependencies, issues);
                }
            }
        } catch (StreamConstraintsException e) {
            issues.add(new ScanIssue(input.path(), 0, ID,
                    "composer.lock nests deeper than " + BoundedJson.MAX_NESTING + " levels"));
            return new ParseResult(dependencies, issues);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            issues.add(new ScanIssue(input.path(), line, ID,
                    "composer.lock is not valid JSON"));
            return new ParseResult(dependencies, issues);
        } catch (IOException e) {
            issues.add(new ScanIssue(input.path(), 0, ID,
                    "composer.lock could not be read"));
            return new ParseResult(dependencies, issues);
        }
        return new ParseResult(dependencies, issues);
    }

    private static void readPackage(JsonParser json, String path, Scope scope, List<Dependency> dependencies,
                                    List<ScanIssue> issues) throws IOException {
        int line = line(json);
        String name = null;
        String version = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (field.equals("name") && value == JsonToken.VALUE_STRING) {
                name = json.getText().strip().toLowerCase(Locale.ROOT);
                line = line(json);
            } else if (field.equals("version") && value == JsonToken.VALUE_STRING) {
                version = json.getText().strip();
            } else {
                json.skipChildren();
            }
        }
        if (name == null || name.isEmpty()) {
            issues.add(new ScanIssue(path, line, ID, "a locked package has no name"));
            return;
        }
        Optional<String> resolved = Optional.ofNullable(version)
                .filter(v -> !v.startsWith("dev-") && !v.endsWith("-dev"))
                .map(v -> v.matches("v\\d.*") ? v.substring(1) : v);
        dependencies.add(new Dependency(Ecosystem.COMPOSER, name, Optional.ofNullable(version), resolved, scope, false,
                                        new Evidence(path, line, Evidence.Kind.MANIFEST, ID)));
    }

    private static int line(JsonParser json) {
        return Math.max(0, json.currentTokenLocation().getLineNr());
    }
}
