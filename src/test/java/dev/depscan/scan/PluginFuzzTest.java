package dev.depscan.scan;

import dev.depscan.scan.spi.ImportAnalyzer;
import dev.depscan.scan.spi.ImportContext;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ManifestParser;
import dev.depscan.scan.spi.SourceInput;
import dev.depscan.scan.spi.TreeReader;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Mutation fuzzing of every registered parser and analyzer: each one gets its own fixtures, mutated in many seeded
 * ways (bytes flipped, lines cut, duplicated and shuffled, brackets and quotes inserted, the text truncated, nested
 * thousands of levels deep), and must return (a result or issues) without throwing, within a bound that only a hang
 * or a catastrophic backtracking would exceed. Seeds are fixed, so a failure reproduces.
 */
class PluginFuzzTest {

    private static final int MUTATIONS_PER_FILE = 60;
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final String[] NOISE = {"{", "}", "[", "]", "(", ")", "\"", "'", "`", "<", ">", "</", "<!--", "*/",
                                           "/*", "\\", "${", "{{", "#", ":", "=", ",", "\n", "\t", "\u0000", "\uFFFF",
                                           "&lt;", "]]>", "\"\"\"", "- ", "---\n"};

    static Stream<String> seeds() {
        return Stream.of("alpha", "beta", "gamma");
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyParserSurvivesMutatedFixtures(String seed) {
        List<Path> fixtures = fixtures();
        Random random = new Random(seed.hashCode());
        int runs = 0;
        for (ManifestParser parser : PluginRegistry.defaults().parsers()) {
            for (Path fixture : fixtures) {
                String path = FIXTURES.relativize(fixture).toString().replace('\\', '/');
                if (!parser.accepts(path.substring(path.indexOf('/', path.indexOf('/', path.indexOf('/') + 1) + 1) + 1))
                    && !parser.accepts(fixture.getFileName().toString())) {
                    continue;
                }
                String name = parser.accepts(fixture.getFileName().toString()) ? fixture.getFileName().toString()
                        : path.substring(path.indexOf('/', path.indexOf('/', path.indexOf('/') + 1) + 1) + 1);
                String original = read(fixture);
                for (int i = 0; i < MUTATIONS_PER_FILE; i++) {
                    String mutated = mutate(original, random);
                    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parser.parse(
                            new ManifestInput(name, mutated, new Tree(name, mutated))),
                            () -> parser.id() + " on a mutation of " + path);
                    runs++;
                }
            }
        }
        assertThat(runs, greaterThan(1_000));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyAnalyzerSurvivesMutatedSources(String seed) {
        Random random = new Random(seed.hashCode());
        int runs = 0;
        for (ImportAnalyzer analyzer : PluginRegistry.defaults().analyzers()) {
            for (Path fixture : fixtures()) {
                String name = fixture.getFileName().toString();
                if (!analyzer.accepts(name)) {
                    continue;
                }
                String original = read(fixture);
                for (int i = 0; i < MUTATIONS_PER_FILE; i++) {
                    String mutated = mutate(original, random);
                    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> analyzer.resolve(
                            analyzer.extract(new SourceInput(name, mutated)).imports(),
                            new ImportContext(List.of(name), List.of())), () -> analyzer.id() + " on " + fixture);
                    runs++;
                }
            }
        }
        assertThat(runs, greaterThan(300));
    }

    private static String mutate(String text, Random random) {
        StringBuilder s = new StringBuilder(text);
        int kind = random.nextInt(8);
        switch (kind) {
            case 0 -> {
                for (int k = 0; k < 1 + random.nextInt(10) && !s.isEmpty(); k++) {
                    s.setCharAt(random.nextInt(s.length()), (char) random.nextInt(0x3000));
                }
            }
            case 1 -> s.setLength(s.isEmpty() ? 0 : random.nextInt(s.length()));
            case 2 -> {
                for (int k = 0; k < 1 + random.nextInt(20); k++) {
                    s.insert(s.isEmpty() ? 0 : random.nextInt(s.length()), NOISE[random.nextInt(NOISE.length)]);
                }
            }
            case 3 -> {
                List<String> lines = new ArrayList<>(List.of(s.toString().split("\n", -1)));
                java.util.Collections.shuffle(lines, random);
                s = new StringBuilder(String.join("\n", lines));
            }
            case 4 -> {
                String open = NOISE[random.nextInt(6)];
                s.insert(s.isEmpty() ? 0 : random.nextInt(s.length()), open.repeat(5_000));
            }
            case 5 -> s.append(s.toString().repeat(3));
            case 6 -> {
                int at = s.isEmpty() ? 0 : random.nextInt(s.length());
                s.insert(at, "x".repeat(20_000));
            }
            default -> s.insert(0, new String(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, StandardCharsets.UTF_8));
        }
        return s.toString();
    }

    private static List<Path> fixtures() {
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return Files.size(f) < 200_000;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tree of one file, so parsers that look for other files find nothing and must cope. */
    private record Tree(String path, String text) implements TreeReader {

        @Override
        public List<String> paths() {
            return List.of(path);
        }

        @Override
        public Optional<String> readText(String other) {
            return other.equals(path) ? Optional.of(text) : Optional.empty();
        }
    }
}
