package dev.depscan.manifest.golang;

import dev.depscan.manifest.FixtureTree;
import dev.depscan.scan.Dependency;
import dev.depscan.scan.spi.ParseResult;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

class GoModParserTest {

    private final GoModParser parser = new GoModParser();

    private ParseResult parse(String fixture) {
        return parser.parse(FixtureTree.of("golang", fixture).input("go.mod"));
    }

    @Test
    void readsASingleLineRequirement() {
        ParseResult result = parse("minimal");

        assertThat(FixtureTree.rows(result.dependencies()), contains("github.com/google/uuid v1.6.0 v1.6.0 RUNTIME"));
        assertThat(result.dependencies().getFirst().evidence().line(), is(5));
        assertThat(result.issues(), empty());
    }

    @Test
    void readsRequireBlocksAndAppliesReplacements() {
        ParseResult result = parse("realistic");

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "github.com/go-chi/chi/v5 v5.0.12 v5.0.12 RUNTIME",
                "github.com/jackc/pgx/v5 v5.6.0 - RUNTIME",
                "github.com/prometheus/client_golang v1.19.1 v1.19.1 RUNTIME",
                "go.uber.org/zap v1.27.0 v1.27.0 RUNTIME",
                "golang.org/x/sync v0.7.0 v0.7.0 RUNTIME",
                "google.golang.org/grpc v1.64.0 v1.64.1-acme.1 RUNTIME",
                "github.com/beorn7/perks v1.0.1 v1.0.1 RUNTIME",
                "github.com/cespare/xxhash/v2 v2.3.0 v2.3.0 RUNTIME",
                "github.com/jackc/pgpassfile v1.0.0 v1.0.0 RUNTIME",
                "golang.org/x/net v0.26.0 v0.26.0 RUNTIME"));
        assertThat(result.issues(), empty());
    }

    @Test
    void marksIndirectRequirementsAsNotDirect() {
        ParseResult result = parse("realistic");

        assertThat(result.dependencies().stream().filter(Dependency::direct).count(), is(6L));
        assertThat(result.dependencies().get(4).direct(), is(true));
        assertThat(result.dependencies().get(6).direct(), is(false));
        assertThat(result.dependencies().get(6).evidence().line(), is(17));
    }

    @Test
    void readsNothingFromAnEmptyFile() {
        ParseResult result = parse("empty");

        assertThat(result.dependencies(), empty());
        assertThat(result.issues(), empty());
    }

    @Test
    void keepsTheGoodLinesOfAMalformedFile() {
        ParseResult result = parse("malformed");

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "github.com/google/uuid v1.6.0 v1.6.0 RUNTIME",
                "github.com/stretchr/testify v1.9.0 v1.9.0 RUNTIME"));
        assertThat(result.issues(), hasSize(2));
        assertThat(result.issues().getFirst().line(), is(5));
        assertThat(result.issues().get(1).message(), containsString("not closed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"go.mod", "services/billing/go.mod"})
    void acceptsGoModAnywhere(String path) {
        assertThat(parser.accepts(path), is(true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"go.sum", "go.work", "notgo.mod", "go.mod.orig"})
    void rejectsOtherFiles(String path) {
        assertThat(parser.accepts(path), is(false));
    }
}
