package dev.depscan.manifest;

import dev.depscan.scan.Dependency;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.TreeReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A fixture directory under {@code fixtures/manifest/<ecosystem>/} seen as a scanned tree; remembers every path a
 * parser asked for. Shared by the tests of every manifest parser.
 */
public final class FixtureTree implements TreeReader {

    private final Map<String, String> files = new TreeMap<>();
    private final List<String> requested = new ArrayList<>();

    private FixtureTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(file -> files.put(
                    root.relativize(file).toString().replace('\\', '/'), read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FixtureTree of(String ecosystem, String fixture) {
        URL url = FixtureTree.class.getResource("/fixtures/manifest/" + ecosystem + "/" + fixture);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + fixture);
        }
        try {
            return new FixtureTree(Path.of(url.toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ManifestInput input(String path) {
        return new ManifestInput(path, readText(path).orElseThrow(), this);
    }

    public List<String> requested() {
        return List.copyOf(requested);
    }

    @Override
    public List<String> paths() {
        return List.copyOf(files.keySet());
    }

    @Override
    public Optional<String> readText(String path) {
        requested.add(path);
        return Optional.ofNullable(files.get(path));
    }

    /** One line per dependency, {@code name version resolvedVersion SCOPE}, with {@code -} for a missing version. */
    public static List<String> rows(List<Dependency> dependencies) {
        return dependencies.stream().map(d -> String.join(" ", d.name(), d.version().orElse("-"),
                d.resolvedVersion().orElse("-"), d.scope().name())).toList();
    }
}
