package dev.depscan.imports.java;

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
 * Java imports: {@code import a.b.C;}, {@code import a.b.*;} and {@code import static a.b.C.m;}, read after comments,
 * strings and text blocks are masked ({@link JvmSource}); the file's {@code package} clause is its definition. How a
 * package becomes a dependency: {@link JvmPackages}.
 */
public final class JavaImportAnalyzer implements ImportAnalyzer {

    /** Plugin id. */
    public static final String ID = "java/imports";

    private static final Pattern PACKAGE = Pattern.compile("(?m)^[ \\t]*package\\s+([\\w.]+)\\s*;");
    private static final Pattern IMPORT = Pattern.compile("(?m)^[ \\t]*import\\s+(static\\s+)?([\\w.]+?)(\\.\\*)?\\s*;");

    public JavaImportAnalyzer() {
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
        return path.endsWith(".java") && !path.endsWith("module-info.java") && !path.endsWith("package-info.java");
    }

    @Override
    public ImportExtraction extract(SourceInput input) {
        String code = JvmSource.mask(input.text(), false);
        List<String> definitions = new ArrayList<>();
        Matcher pkg = PACKAGE.matcher(code);
        if (pkg.find()) {
            definitions.add(pkg.group(1));
        }
        List<RawImport> imports = new ArrayList<>();
        int[] lines = JvmSource.lineStarts(code);
        Matcher m = IMPORT.matcher(code);
        while (m.find()) {
            String imported = m.group(2);
            boolean wildcard = m.group(3) != null;
            String module = JvmPackages.packageOf(imported, wildcard);
            imports.add(new RawImport(input.path(), module, JvmSource.lineAt(lines, m.start(2))));
        }
        return ImportExtraction.of(imports, definitions)
                .withApiCalls(ApiCalls.find(input.path(), input.text(), ApiCalls.Language.JVM));
    }

    @Override
    public ParseResult resolve(List<RawImport> imports, ImportContext context) {
        return JvmPackages.resolve(imports, context, ID);
    }
}
