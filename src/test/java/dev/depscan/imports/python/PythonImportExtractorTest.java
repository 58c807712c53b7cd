package dev.depscan.imports.python;

import dev.depscan.imports.python.PythonImportExtractor.Found;
import dev.depscan.scan.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

class PythonImportExtractorTest {

    @Test
    void findsExactlyWhatPythonsOwnParserFindsInTheEdgeCaseFile() throws IOException {
        String source = Files.readString(Fixtures.dir("imports/python/tokenizer").resolve("edge_cases.py"));

        // expected list produced by CPython's ast module over the same file (absolute imports, __future__ excluded)
        assertThat(PythonImportExtractor.extract(source), contains(
                new Found("os", 5), new Found("sys", 5),
                new Found("numpy", 6), new Found("pandas", 6),
                new Found("xml.etree.ElementTree", 7),
                new Found("typing.TYPE_CHECKING", 8),
                new Found("after_semicolon", 21),
                new Found("sqlalchemy.orm.Session", 25),
                new Found("ujson", 28),
                new Found("json", 30),
                new Found("yaml", 34),
                new Found("requests.adapters.HTTPAdapter", 35),
                new Found("requests.adapters.Retry", 35),
                new Found("scipy.stats", 45),
                new Found("matplotlib.pyplot", 48),
                new Found("toml_inline", 50)));
    }

    @Test
    void ignoresImportsInStringsOfEveryKind() {
        String source = """
                a = 'import a1'
                b = "import b1"
                c = '''import c1'''
                d = \"\"\"
                import d1
                \"\"\"
                e = rb'import e1' + BR"import e2" + u'import e3'
                f = f"{'import f1'}" + f'{x["import f2"]}' + f"{d['k']:{w}} import f3"
                g = 'it\\'s import g1'
                h = f"{f'{1}' + 'import h1'}"
                """;

        assertThat(PythonImportExtractor.extract(source), is(empty()));
    }

    @Test
    void recoversFromAnUnterminatedSingleQuotedString() {
        String source = "x = 'never closed\nimport requests\n";

        assertThat(PythonImportExtractor.extract(source), contains(new Found("requests", 2)));
    }

    @Test
    void excludesRelativeAndFutureImports() {
        String source = """
                from __future__ import print_function
                from . import a
                from .b import c
                from ...d.e import f
                import __future__
                """;

        assertThat(PythonImportExtractor.extract(source), is(empty()));
    }

    @Test
    void handlesUnusualWhitespaceAndLineEndings() {
        String source = "import\tos\r\nfrom  \f attr import (define,\r\n\r\n  field)\rimport   a.b . c\n";

        assertThat(PythonImportExtractor.extract(source), contains(
                new Found("os", 1), new Found("attr.define", 2), new Found("attr.field", 2), new Found("a.b.c", 5)));
    }

    @Test
    void reportsStarImportsAsTheModule() {
        assertThat(PythonImportExtractor.extract("from tkinter import *\n"), contains(new Found("tkinter", 1)));
    }

    @Test
    void doesNotMistakeYieldFromOrRaiseFromForImports() {
        String source = """
                def gen():
                    yield from items
                    raise ValueError() from err
                from_import = 1
                important = 2
                """;

        assertThat(PythonImportExtractor.extract(source), is(empty()));
    }

    @Test
    void readsUnicodeIdentifiersAndNumbers() {
        String source = "café = 1e-5 + 0x1F + 1_000j\nimport módulo\n";

        assertThat(PythonImportExtractor.extract(source), contains(new Found("módulo", 2)));
    }

    @Test
    void findsImportsAfterColonsOnOneLine() {
        String source = "try: import simplejson as json\nexcept ImportError: import json\nelse: pass\n";

        List<Found> found = PythonImportExtractor.extract(source);

        assertThat(found, contains(new Found("simplejson", 1), new Found("json", 2)));
    }
}
