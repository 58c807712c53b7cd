package dev.depscan.imports.python;

import dev.depscan.scan.Dependency;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ApiCalls;
import dev.depscan.scan.spi.ImportAnalyzer;
import dev.depscan.scan.spi.ImportContext;
import dev.depscan.scan.spi.ImportExtraction;
import dev.depscan.scan.spi.ParseResult;
import dev.depscan.scan.spi.RawImport;
import dev.depscan.scan.spi.SourceInput;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The PyPI packages a repository's Python code imports.
 *
 * <p>Stage one tokenizes each {@code .py}/{@code .pyw} file (see {@link PythonImportExtractor}). Stage two drops
 * imports of the standard library and of first-party modules (see {@link FirstPartyModules}) and maps each remaining
 * module to a distribution, first by what the repository declares, then by a curated table, else by its own name:
 * <ol>
 *   <li>the top-level name, PEP 503-normalised, when a manifest declares it ({@code flask_sqlalchemy} ↔
 *       {@code flask-sqlalchemy}); else the longest dotted prefix that a manifest declares
 *       ({@code zope.interface} ↔ {@code zope-interface});</li>
 *   <li>the longest dotted prefix in {@code import-names.txt} ({@code sklearn} → {@code scikit-learn},
 *       {@code google.cloud.storage} → {@code google-cloud-storage});</li>
 *   <li>the normalised top-level name.</li>
 * </ol>
 * Each import becomes one RUNTIME, direct dependency without version, one per (file, line, package).
 */
public final class PythonImportAnalyzer implements ImportAnalyzer {

    /** Plugin id. */
    public static final String ID = "python/imports";

    private final ImportNames names;

    public PythonImportAnalyzer() {
        this.names = ImportNames.bundled();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Ecosystem ecosystem() {
        return Ecosystem.PYPI;
    }

    @Override
    public boolean accepts(String path) {
        return path.endsWith(".py") || path.endsWith(".pyw");
    }

    @Override
    public ImportExtraction extract(SourceInput input) {
        List<RawImport> imports = new ArrayList<>();
        for (PythonImportExtractor.Found found : PythonImportExtractor.extract(input.text())) {
            imports.add(new RawImport(input.path(), found.module(), found.line()));
        }
        return ImportExtraction.of(imports)
                .withApiCalls(ApiCalls.find(input.path(), input.text(), ApiCalls.Language.PYTHON));
    }

    @Override
    public ParseResult resolve(List<RawImport> imports, ImportContext context) {
        Set<String> declared = new HashSet<>();
        context.declared().stream()
                .filter(d -> d.ecosystem() == Ecosystem.PYPI && d.evidence().kind() == Evidence.Kind.MANIFEST)
                .forEach(d -> declared.add(d.name()));
        FirstPartyModules firstParty = new FirstPartyModules(context.paths());
        Set<String> seen = new HashSet<>();
        List<Dependency> dependencies = new ArrayList<>();
        for (RawImport raw : imports) {
            String topLevel = raw.module().split("\\.", 2)[0];
            if (topLevel.isEmpty() || topLevel.equals("__future__") || names.isStdlib(topLevel)
                    || firstParty.contains(raw.file(), topLevel)) {
                continue;
            }
            String distribution = distribution(raw.module(), declared);
            if (seen.add(raw.file() + '\n' + raw.line() + '\n' + distribution)) {
                dependencies.add(new Dependency(Ecosystem.PYPI, distribution, Optional.empty(),
                        Optional.empty(), scopeOf(raw.file()), true,
                        new Evidence(raw.file(), raw.line(), Evidence.Kind.IMPORT, ID)));
            }
        }
        return ParseResult.of(dependencies);
    }

    /**
     * What an import in {@code file} is for: {@code setup.py} and {@code noxfile.py} build the project (BUILD); test
     * modules ({@code test_*.py}, {@code *_test.py}, {@code conftest.py}, anything under a {@code test} or
     * {@code tests} directory) only test it (TEST); everything else is RUNTIME. A package imported from both keeps the
     * wider scope when findings merge.
     */
    static Scope scopeOf(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        if (name.equals("setup.py") || name.equals("noxfile.py")) {
            return Scope.BUILD;
        }
        boolean inTests = ("/" + file).contains("/tests/") || ("/" + file).contains("/test/");
        if (inTests || name.startsWith("test_") || name.endsWith("_test.py") || name.equals("conftest.py")) {
            return Scope.TEST;
        }
        return Scope.RUNTIME;
    }

    /** The distribution behind a dotted module, by the rules in the class comment. */
    String distribution(String module, Set<String> declared) {
        String[] parts = module.split("\\.");
        String top = ImportNames.normalize(parts[0]);
        if (declared.contains(top)) {
            return top;
        }
        for (int k = parts.length; k >= 2; k--) {
            String prefix = ImportNames.normalize(String.join(".", Arrays.asList(parts).subList(0, k)));
            if (declared.contains(prefix)) {
                return prefix;
            }
        }
        return names.distribution(module, declared).orElse(top);
    }
}
