package dev.depscan.scan;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

class PathGlobTest {

    @Test
    void matchesLikePythonFnmatchAcrossSlashes() {
        PathGlob glob = new PathGlob(List.of("tests/*"));

        assertThat(glob.matches("tests/test_a.py"), is(true));
        assertThat(glob.matches("tests/unit/deep/test_b.py"), is(true));
        assertThat(glob.matches("src/tests/test_c.py"), is(false));
        assertThat(glob.matches("tests.py"), is(false));
    }

    @Test
    void letsALeadingDoubleStarMatchTheRoot() {
        PathGlob glob = new PathGlob(List.of("**/fixtures/**"));

        assertThat(glob.matches("fixtures/a.py"), is(true));
        assertThat(glob.matches("src/test/fixtures/b/requirements.txt"), is(true));
        assertThat(glob.matches("src/myfixtures/c.py"), is(false));
    }

    @Test
    void ignoresEverythingBelowAMatchedDirectory() {
        PathGlob glob = new PathGlob(List.of("docs/", "examples"));

        assertThat(glob.matches("docs/conf.py"), is(true));
        assertThat(glob.matches("examples/demo/app.py"), is(true));
        assertThat(glob.matches("examples.py"), is(false));
    }

    @Test
    void supportsCharacterClassesAndSingleCharacters() {
        PathGlob glob = new PathGlob(List.of("legacy[0-9]/*", "v?/*.py", "[!s]rc/x.py"));

        assertThat(glob.matches("legacy2/app.py"), is(true));
        assertThat(glob.matches("legacyX/app.py"), is(false));
        assertThat(glob.matches("v1/app.py"), is(true));
        assertThat(glob.matches("arc/x.py"), is(true));
        assertThat(glob.matches("src/x.py"), is(false));
    }

    @Test
    void treatsRegexCharactersLiterally() {
        PathGlob glob = new PathGlob(List.of("a+b/(x)/*.py"));

        assertThat(glob.matches("a+b/(x)/y.py"), is(true));
        assertThat(glob.matches("aab/x/y.py"), is(false));
    }
}
