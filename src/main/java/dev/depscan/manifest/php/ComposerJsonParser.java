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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code composer.json}: {@code require} (RUNTIME) and {@code require-dev} (DEV).
 *
 * <p>Platform requirements are not packages and are left out: {@code php}, {@code hhvm}, {@code ext-*},
 * {@code lib-*}, {@code composer}, {@code composer-plugin-api} and {@code composer-runtime-api}. Package names are
 * case-insensitive in Composer and reported in lower case ({@code vendor/package}); the version is the constraint as
 * written, resolved only when it is one plain version ({@code 1.2.3}, {@code v1.2.3}).
 */
public final class ComposerJsonParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "php/composer-json";

    private static final Map<String, Scope> SECTIONS = Map.of("require", Scope.RUNTIME, "require-dev", Scope.DEV);
    private static final Pattern PLATFORM = Pattern.compile(
            "php(-64bit|-ipv6|-zts|-debug)?|hhvm|composer|composer-plugin-api|composer-runtime-api|ext-.+|lib-.+");
    private static final Pattern PACKAGE = Pattern.compile("[a-z0-9]([_.-]?[a-z0-9]+)*/[a-z0-9](([_.]|-{1,2})?[a-z0-9]+)*");
    private static final Pattern EXACT = Pattern.compile("^=?=?\\s*v?(\\d+(?:\\.\\d+){0,3}(?:-[A-Za-z0-9.]+)?)$");

    public ComposerJsonParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        return path.equals("composer.json") || path.endsWith("/composer.json");
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
                return ParseResult.failed(new ScanIssue(input.path(), line(json), ID,
                                                        "composer.json is not a JSON object"));
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                Scope scope = SECTIONS.get(field);
                if (scope == null) {
                    json.skipChildren();
                } else if (json.currentToken() != JsonToken.START_OBJECT) {
                    if (json.currentToken() != JsonToken.START_ARRAY || json.nextToken() != JsonToken.END_ARRAY) {
                        issues.add(new ScanIssue(input.path(), line(json), ID, "'" + field + "' is not an object"));
                    }
                    json.skipChildren();
                } else {
                    readSection(json, input.path(), scope, dependencies, issues);
                }
            }
        } catch (StreamConstraintsException e) {
            issues.add(new ScanIssue(input.path(), 0, ID,
                    "composer.json nests deeper than " + BoundedJson.MAX_NESTING + " levels"));
            return new ParseResult(dependencies, issues);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            issues.add(new ScanIssue(input.path(), line, ID,
                    "composer.json is not valid JSON"));
            return new ParseResult(dependencies, issues);
        } catch (IOException e) {
            issues.add(new ScanIssue(input.path(), 0, ID,
                    "composer.json could not be read"));
            return new ParseResult(dependencies, issues);
        }
        return new ParseResult(dependencies, issues);
    }

    private static void readSection(JsonParser json, String path, Scope scope, List<Dependency> dependencies,
                                    List<ScanIssue> issues) throws IOException {
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName().strip().toLowerCase(Locale.ROOT);
            int line = line(json);
            if (json.nextToken() != JsonToken.VALUE_STRING) {
                issues.add(new ScanIssue(path, line, ID, "the constraint of '" + name + "' is not a string"));
                json.skipChildren();
                continue;
            }
            String constraint = json.getText().strip();
            if (PLATFORM.matcher(name).matches() || !PACKAGE.matcher(name).matches()) {
                continue;
            }
            Matcher exact = EXACT.matcher(constraint);
            dependencies.add(new Dependency(Ecosystem.COMPOSER, name,
                                            constraint.isEmpty() ? Optional.empty() : Optional.of(constraint),
                                            exact.matches() ? Optional.of(exact.group(1)) : Optional.empty(), scope, true,
                                            new Evidence(path, line, Evidence.Kind.MANIFEST, ID)));
        }
    }

    private static int line(JsonParser json) {
        return Math.max(0, json.currentTokenLocation().getLineNr());
    }
}
