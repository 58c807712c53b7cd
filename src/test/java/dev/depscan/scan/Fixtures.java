package dev.depscan.scan;

import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.TreeReader;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test fixtures under {@code src/test/resources/fixtures}, read the way the scanner reads a tree. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The directory of one fixture case, e.g. {@code manifest/python/requirements-minimal}. */
    public static Path dir(String fixtureCase) {
        URL url = Fixtures.class.getResource("/fixtures/" + fixtureCase);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + fixtureCase);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A tree over a fixture case, with the same contract as the scanner's. */
    public static TreeReader tree(String fixtureCase) {
        FileSource source = new DirectoryFileSource(dir(fixtureCase));
        return new TreeReader() {
            @Override
            public List<String> paths() {
                return source.paths();
            }

            @Override
            public Optional<String> readText(String path) {
                if (!source.paths().contains(path)) {
                    return Optional.empty();
                }
                return Optional.of(new String(source.read(path, 1 << 20), StandardCharsets.UTF_8));
            }
        };
    }

    /** The input a parser gets for {@code path} of a fixture case. */
    public static ManifestInput input(String fixtureCase, String path) {
        TreeReader tree = tree(fixtureCase);
        return new ManifestInput(path, tree.readText(path).orElseThrow(), tree);
    }

    /** A tree of given files, for tests that need no fixture directory. */
    public static TreeReader treeOf(Map<String, String> files) {
        List<String> sorted = files.keySet().stream().sorted().toList();
        return new TreeReader() {
            @Override
            public List<String> paths() {
                return sorted;
            }

            @Override
            public Optional<String> readText(String path) {
                return Optional.ofNullable(files.get(path));
            }
        };
    }
}
