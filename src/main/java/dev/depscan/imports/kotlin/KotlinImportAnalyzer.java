package dev.depscan.imports.kotlin;

import dev.depscan.imports.jvm.JvmPackages;
import dev.depscan.imports.jvm.JvmSource;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.spi.ApiCalls;
import dev.depscan.scan.spi.ImportAnalyzer;
import dev.depscan.scan.spi.ImportContext;
import dev.depscan.scan.spi.ImportExtraction;
import dev.depscan.scan.spi.ParseResult;
import dev.depscan.scan.spi.RawImport;
import dev.depscan.scan.spi.SourceInput;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kotlin imports: {@code import a.b.C}, {@code import a.b.C as D}, {@code import a.b.*}, backquoted names included,
 * read after comments (nested) and strings (raw strings too) are masked; the {@code package} clause is the file's
 * definition. Gradle build scripts ({@code *.gradle.kts}) are build logic, read by the Gradle parser, not source.
 * How a package becomes a dependency: {@link JvmPackages}.
 */
public final class KotlinImportAnalyzer implements ImportAnalyzer {

    /** Plugin id. */
    public static final String ID = "kotlin/imports";

    private static final Pattern PACKAGE = Pattern.compile("(?m)^[ \\t]*package\\s+([\\w.`]+)");
    private static final Pattern IMPORT =
            Pattern.compile("(?m)^[ \\t]*import\\s+([\\w.`]+?)(\\.\\*)?(\\s+as\\s+[\\w`]+)?\\s*;?\\s*$");

    public KotlinImportAnalyzer() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Ecosystem ecosystem() {
        return Ecosystem.MAVEN;
    }

    @Override
    public boolean accepts(String path) {
        return path.endsWith(".kt") || path.endsWith(".kts") && !path.endsWith(".gradle.kts");
    }

    @Override
    public ImportExtraction extract(SourceInput input) {
        String code = JvmSource.mask(input.text(), true);
        List<String> definitions = new ArrayList<>();
        Matcher pkg = PACKAGE.matcher(code);
        if (pkg.find()) {
            definitions.add(pkg.group(1).replace("`", ""));
        }
        List<RawImport> imports = new ArrayList<>();
        int[] lines = JvmSource.lineStarts(code);
        Matcher m = IMPORT.matcher(code);
        while (m.find()) {
            String imported = m.group(1).replace("`", "");
            imports.add(new RawImport(input.path(), JvmPackages.packageOf(imported, m.group(2) != null),
                                      JvmSource.lineAt(lines, m.start(1))));
        }
        return ImportExtraction.of(imports, definitions)
                .withApiCalls(ApiCalls.find(input.path(), input.text(), ApiCalls.Language.JVM));
    }

    @Override
    public ParseResult resolve(List<RawImport> imports, ImportContext context) {
        return JvmPackages.resolve(imports, context, ID);
    }
}
