package dev.depscan.imports.scala;

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
 * Scala imports: {@code import a.b.C}, {@code a.b.{C, D => E}}, {@code a.b._}, Scala 3 {@code a.b.*} and
 * {@code a.b.given}, and comma lists ({@code import a.B, c.D}), anywhere in a file (imports may sit inside blocks),
 * read after comments (nested) and strings are masked. Definitions are the file's packages, chained clauses
 * ({@code package a.b} then {@code package c}) included. An import of a single name that no table maps is relative
 * to an earlier import and is not a package. How a package becomes a dependency: {@link JvmPackages}.
 */
public final class ScalaImportAnalyzer implements ImportAnalyzer {

    /** Plugin id. */
    public static final String ID = "scala/imports";

    private static final Pattern PACKAGE = Pattern.compile("(?m)^[ \\t]*package\\s+(?!object\\b)([\\w.]+)");
    private static final Pattern IMPORT = Pattern.compile("(?m)^[ \\t]*import\\s+");

    public ScalaImportAnalyzer() {
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
        return path.endsWith(".scala") || path.endsWith(".sc");
    }

    @Override
    public ImportExtraction extract(SourceInput input) {
        String code = JvmSource.mask(input.text(), true);
        List<String> definitions = new ArrayList<>();
        Matcher pkg = PACKAGE.matcher(code);
        String chained = "";
        while (pkg.find()) {
            chained = chained.isEmpty() ? pkg.group(1) : chained + "." + pkg.group(1);
            definitions.add(chained);
        }
        List<RawImport> imports = new ArrayList<>();
        int[] lines = JvmSource.lineStarts(code);
        Matcher m = IMPORT.matcher(code);
        while (m.find()) {
            int line = JvmSource.lineAt(lines, m.end());
            for (String item : clauseItems(code, m.end())) {
                selectorPath(item).ifPresent(path -> imports.add(new RawImport(input.path(), path, line)));
            }
        }
        return ImportExtraction.of(imports, definitions)
                .withApiCalls(ApiCalls.find(input.path(), input.text(), ApiCalls.Language.JVM));
    }

    /** The comma-separated items of the import clause at {@code start}: to the line's end, or the braces' close. */
    private static List<String> clauseItems(String code, int start) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int from = start;
        int i = start;
        for (; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (depth == 0 && (c == '\n' || c == ';')) {
                break;
            } else if (depth == 0 && c == ',') {
                items.add(code.substring(from, i));
                from = i + 1;
            }
            if (depth < 0) {
                break;
            }
        }
        items.add(code.substring(from, Math.min(i, code.length())));
        return items;
    }

    /** The package an item imports from, e.g. {@code a.b} for {@code a.b.{C => D}}, {@code a.b._}, {@code a.b.C}. */
    static java.util.Optional<String> selectorPath(String item) {
        String s = item.strip().replaceAll("\\s+", "");
        int brace = s.indexOf(".{");
        boolean wildcard;
        String path;
        if (brace > 0) {
            path = s.substring(0, brace);
            wildcard = true;
        } else if (s.endsWith("._") || s.endsWith(".*") || s.endsWith(".given")) {
            path = s.substring(0, s.lastIndexOf('.'));
            wildcard = true;
        } else {
            path = s;
            wildcard = false;
        }
        if (path.isEmpty() || !path.matches("[A-Za-z_][\\w]*(\\.[A-Za-z_][\\w]*)*")) {
            return java.util.Optional.empty();
        }
        if (path.startsWith("_root_.")) {
            path = path.substring("_root_.".length());
        }
        return java.util.Optional.of(JvmPackages.packageOf(path, wildcard));
    }

    @Override
    public ParseResult resolve(List<RawImport> imports, ImportContext context) {
        return JvmPackages.resolve(imports, context, ID);
    }
}
