package dev.depscan.scan;

import dev.depscan.scan.spi.ImportAnalyzer;
import dev.depscan.scan.spi.ImportContext;
import dev.depscan.scan.spi.ImportExtraction;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ManifestParser;
import dev.depscan.scan.spi.ParseResult;
import dev.depscan.scan.spi.RawImport;
import dev.depscan.scan.spi.SourceInput;
import dev.depscan.scan.spi.TreeReader;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Scans one tree: runs every registered manifest parser and import analyzer over the files they accept and merges
 * what they report into findings.
 *
 * <p>One file's failure never fails the scan: unreadable, oversized, binary or non-UTF-8 files and any exception a
 * plugin throws become a {@link ScanIssue} and the scan goes on. Only cancellation through the {@link ScanListener}
 * stops it. A scanner is immutable and may run any number of scans at once.
 *
 * <p>Merging: dependencies with the same (ecosystem, name) become one {@link Finding} whose sources keep scan order
 * (path order, then plugin registration order, imports last) without duplicates; it is direct when any source is;
 * its scope is the widest one in the order {@code RUNTIME > PROVIDED > OPTIONAL > PEER > BUILD > DEV > TEST > MANAGED}
 * (code that ships beats code that only builds or tests, and a constraint alone is the weakest claim); its version and
 * resolved version are the first non-empty ones a manifest declared, a direct declaration's version winning over a
 * lock file's (a lock file sorts before its manifest: {@code package-lock.json} before {@code package.json}).
 * The purl carries the resolved version, or else an
 * exact {@code ==X} pin, or no version.
 */
public final class Scanner {

    /** Id used as {@link ScanIssue#parser()} for problems of the scanner itself, e.g. unreadable files. */
    public static final String SCANNER_ID = "scanner";

    /**
     * Part of the result-cache key: bump it whenever the same tree could produce a different report (a new parser,
     * a changed mapping table, a fixed bug).
     */
    private static final String VERSION = "0.2.0";

    private final ScannerOptions options;
    private final PathGlob ignoreGlobs;

    public Scanner(ScannerOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.ignoreGlobs = new PathGlob(options.ignoreGlobs());
    }

    /** The scanner's version, part of the key under which a result is cached. */
    public static String version() {
        return VERSION;
    }

    /**
     * Scans every file of {@code source} that is not ignored.
     *
     * @throws ScanCancelledException when {@code listener} asks to stop; checked before every file
     */
    public ScanReport scan(FileSource source, ScanListener listener) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(listener, "listener");
        List<String> allPaths = source.paths();
        List<String> kept = allPaths.stream().filter(p -> !ignored(p)).toList();
        List<String> accepted = kept.stream().filter(this::anyPluginAccepts).toList();

        TreeReader tree = new SourceTreeReader(source, allPaths, options.maxFileBytes());
        List<Dependency> dependencies = new ArrayList<>();
        List<ScanIssue> issues = new ArrayList<>();
        Map<ImportAnalyzer, List<RawImport>> rawImports = new LinkedHashMap<>();
        options.registry().analyzers().forEach(a -> rawImports.put(a, new ArrayList<>()));
        Set<String> definedModules = new HashSet<>();
        Set<PackageKey> seen = new HashSet<>();
        long[] bytesRead = {0};
        List<InfrastructureUse> infrastructure = new ArrayList<>();
        List<ApiCall> apiCalls = new ArrayList<>();
        Set<Ecosystem> analyzed = EnumSet.noneOf(Ecosystem.class);
        int filesScanned = 0;
        int handled = 0;
        for (String path : accepted) {
            if (listener.cancelled()) {
                throw new ScanCancelledException();
            }
            Optional<String> text = read(source, path, issues, bytesRead);
            if (text.isPresent()) {
                filesScanned++;
                int before = dependencies.size();
                runParsers(path, text.get(), tree, dependencies, issues, infrastructure);
                announce(dependencies.subList(before, dependencies.size()), seen, listener);
                runExtractors(path, text.get(), rawImports, definedModules, analyzed, issues, apiCalls);
            }
            handled++;
            listener.onProgress(new ScanProgress(handled, accepted.size(), seen.size(), path));
        }
        if (listener.cancelled()) {
            throw new ScanCancelledException();
        }
        int declaredCount = dependencies.size();
        List<Dependency> declared = List.copyOf(dependencies);
        ImportContext context = new ImportContext(kept, declared, definedModules);
        rawImports.forEach((analyzer, imports) -> {
            try {
                ParseResult result = analyzer.resolve(imports, context);
                dependencies.addAll(result.dependencies());
                issues.addAll(result.issues());
            } catch (RuntimeException | StackOverflowError e) {
                issues.add(new ScanIssue("", 0, analyzer.id(), pluginFailure(e)));
            }
        });
        announce(dependencies.subList(declaredCount, dependencies.size()), seen, listener);
        List<Finding> findings = FindingMerger.merge(dependencies);
        return new ScanReport(findings, issues, filesScanned,
                              UsageComparison.compare(dependencies, findings, analyzed), infrastructure, apiCalls,
                              bytesRead[0]);
    }

    /** Tells the listener of every package it has not heard of yet. */
    private static void announce(List<Dependency> found, Set<PackageKey> seen, ScanListener listener) {
        for (Dependency dependency : found) {
            if (seen.add(PackageKey.of(dependency))) {
                listener.onFinding(FindingMerger.merge(List.of(dependency)).getFirst());
            }
        }
    }

    private boolean ignored(String path) {
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            if (ScannerOptions.IGNORED_DIRECTORIES.contains(segments[i])) {
                return true;
            }
        }
        return ignoreGlobs.matches(path);
    }

    private boolean anyPluginAccepts(String path) {
        return options.registry().parsers().stream().anyMatch(p -> p.accepts(path))
                || options.registry().analyzers().stream().anyMatch(a -> a.accepts(path));
    }

    private void runParsers(String path, String text, TreeReader tree, List<Dependency> dependencies,
                            List<ScanIssue> issues, List<InfrastructureUse> infrastructure) {
        for (ManifestParser parser : options.registry().parsers()) {
            if (!parser.accepts(path)) {
                continue;
            }
            try {
                ParseResult result = parser.parse(new ManifestInput(path, text, tree));
                dependencies.addAll(result.dependencies());
                issues.addAll(result.issues());
                infrastructure.addAll(result.infrastructure());
            } catch (RuntimeException | StackOverflowError e) {
                issues.add(new ScanIssue(path, 0, parser.id(), pluginFailure(e)));
            }
        }
    }

    private void runExtractors(String path, String text, Map<ImportAnalyzer, List<RawImport>> rawImports,
                               Set<String> definedModules, Set<Ecosystem> analyzed, List<ScanIssue> issues,
                               List<ApiCall> apiCalls) {
        rawImports.forEach((analyzer, imports) -> {
            if (!analyzer.accepts(path)) {
                return;
            }
            try {
                ImportExtraction extraction = analyzer.extract(new SourceInput(path, text));
                imports.addAll(extraction.imports());
                definedModules.addAll(extraction.definitions());
                apiCalls.addAll(extraction.apiCalls());
                if (analyzer.isSource(path)) {
                    analyzed.add(analyzer.ecosystem());
                }
                issues.addAll(extraction.issues());
            } catch (RuntimeException | StackOverflowError e) {
                issues.add(new ScanIssue(path, 0, analyzer.id(), pluginFailure(e)));
            }
        });
    }

    /** A plugin's exception message may quote anything; the issue names only its type. */
    private static String pluginFailure(Throwable e) {
        return "internal error while reading this file (" + e.getClass().getSimpleName() + ")";
    }

    private Optional<String> read(FileSource source, String path, List<ScanIssue> issues, long[] bytesRead) {
        byte[] bytes;
        try {
            bytes = source.read(path, options.maxFileBytes());
            bytesRead[0] += bytes.length;
            if (bytesRead[0] > options.maxTotalBytes()) {
                throw new ScanLimitException("the repository's files to scan add up to more than "
                                             + options.maxTotalBytes() + " bytes");
            }
        } catch (FileTooLargeException e) {
            issues.add(new ScanIssue(path, 0, SCANNER_ID, "file is larger than " + options.maxFileBytes() + " bytes"));
            return Optional.empty();
        } catch (ScanLimitException e) {
            throw e;
        } catch (RuntimeException e) {
            issues.add(new ScanIssue(path, 0, SCANNER_ID, "file could not be read"));
            return Optional.empty();
        }
        Decoded decoded = decode(bytes);
        if (decoded.problem().isPresent()) {
            issues.add(new ScanIssue(path, 0, SCANNER_ID, decoded.problem().get()));
            return Optional.empty();
        }
        return decoded.text();
    }

    private record Decoded(Optional<String> text, Optional<String> problem) {
    }

    private static Decoded decode(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return new Decoded(Optional.empty(), Optional.of("binary file (contains NUL bytes)"));
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return new Decoded(Optional.of(text), Optional.empty());
        } catch (CharacterCodingException e) {
            return new Decoded(Optional.empty(), Optional.of("not valid UTF-8"));
        }
    }

    /** The tree as plugins see it: any listed file, read through the same limits and decoding as scanned files. */
    private static final class SourceTreeReader implements TreeReader {

        private final FileSource source;
        private final List<String> paths;
        private final Set<String> known;
        private final int maxBytes;

        SourceTreeReader(FileSource source, List<String> paths, int maxBytes) {
            this.source = source;
            this.paths = List.copyOf(paths);
            this.known = new HashSet<>(paths);
            this.maxBytes = maxBytes;
        }

        @Override
        public List<String> paths() {
            return paths;
        }

        @Override
        public Optional<String> readText(String path) {
            if (!known.contains(path)) {
                return Optional.empty();
            }
            try {
                Decoded decoded = decode(source.read(path, maxBytes));
                return decoded.text();
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
    }
}
