package dev.depscan.classify;

import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.Finding;
import dev.depscan.scan.Fixtures;
import dev.depscan.scan.ScanReport;
import dev.depscan.scan.Scope;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

class ClassifierTest {

    @Test
    void neverMatchesBySubstring() {
        Classifier classifier = classifier("categories:\n  CLI: {dependencies: [click]}\n");

        assertThat(classifier.classify(pypi("clickhouse-driver")).categories(), is(empty()));
        assertThat(classifier.classify(pypi("click")).categories(), contains("CLI"));
        assertThat(classifier.classify(pypi("click-plugins")).categories(), is(empty()));
    }

    @Test
    void comparesNormalisedNames() {
        Classifier classifier = classifier("categories:\n  ML: {dependencies: [scikit_learn, Flask.SQLAlchemy]}\n");

        assertThat(classifier.classify(pypi("scikit-learn")).categories(), contains("ML"));
        assertThat(classifier.classify(pypi("flask-sqlalchemy")).categories(), contains("ML"));
    }

    @Test
    void expandsGlobsOverTheWholeName() {
        Classifier classifier = classifier("""
                categories:
                  Django: {dependencies: ["django-*"]}
                  Spring: {dependencies: ["org.springframework*", "spring-boot-starter-*"]}
                """);

        assertThat(classifier.classify(pypi("django-rest-framework")).categories(), contains("Django"));
        assertThat(classifier.classify(pypi("django")).categories(), is(empty()));
        assertThat(classifier.classify(pypi("my-django-app")).categories(), is(empty()));
        assertThat(classifier.classify(maven("org.springframework.boot:spring-boot")).categories(), contains("Spring"));
        assertThat(classifier.classify(maven("io.acme:spring-boot-starter-acme")).categories(), contains("Spring"));
    }

    @Test
    void matchesMavenByArtifactOrCoordinateAndNpmScopesOnlyWhole() {
        Classifier classifier = classifier("""
                categories:
                  Database: {dependencies: [postgresql, "com.h2database:h2"]}
                  Angular: {dependencies: ["@angular/core"]}
                  Core: {dependencies: [core]}
                """);

        assertThat(classifier.classify(maven("org.postgresql:postgresql")).categories(), contains("Database"));
        assertThat(classifier.classify(maven("com.h2database:h2")).categories(), contains("Database"));
        assertThat(classifier.classify(maven("org.other:h2")).categories(), is(empty()));
        assertThat(classifier.classify(npm("@angular/core")).categories(), contains("Angular"));
        assertThat(classifier.classify(npm("core")).categories(), contains("Core"));
    }

    @Test
    void restrictsPatternsToAnEcosystemPrefix() {
        Classifier classifier = classifier("""
                categories:
                  Web: {dependencies: ["npm:express", "go:github.com/gin-gonic/gin"]}
                """);

        assertThat(classifier.classify(npm("express")).categories(), contains("Web"));
        assertThat(classifier.classify(pypi("express")).categories(), is(empty()));
        assertThat(classifier.classify(finding(Ecosystem.GOLANG, "github.com/gin-gonic/gin")).categories(), contains("Web"));
    }

    @Test
    void putsAPackageIntoEveryMatchingCategory() {
        Classifier classifier = classifier("""
                categories:
                  Database: {dependencies: [redis]}
                  Messaging: {dependencies: [redis, pika]}
                  Testing: {dependencies: [pytest]}
                """);

        Classification result = classifier.classify(report(pypi("redis")));

        assertThat(result.findings().get(0).categories(), contains("Database", "Messaging"));
        assertThat(result.flags(), is(Map.of("Database", true, "Messaging", true, "Testing", false)));
        assertThat(List.copyOf(result.flags().keySet()), contains("Database", "Messaging", "Testing"));
    }

    @Test
    void givesRestrictionPrecedenceOverAllowance() {
        Classifier classifier = classifier("""
                categories:
                  Approved: {dependencies: [requests, pycrypto], status: allowed}
                  Banned: {dependencies: [pycrypto], status: restricted}
                  Neutral: {dependencies: [rich]}
                allow: [attrs]
                restrict: ["left-*"]
                """);

        assertThat(classifier.classify(pypi("requests")).verdict(), is(Verdict.ALLOWED));
        assertThat(classifier.classify(pypi("pycrypto")).verdict(), is(Verdict.RESTRICTED));
        assertThat(classifier.classify(pypi("rich")).verdict(), is(Verdict.UNKNOWN));
        assertThat(classifier.classify(pypi("attrs")).verdict(), is(Verdict.ALLOWED));
        assertThat(classifier.classify(npm("left-pad")).verdict(), is(Verdict.RESTRICTED));
        assertThat(classifier.classify(pypi("unlisted")).verdict(), is(Verdict.UNKNOWN));
    }

    @Test
    void flagsCategoriesWhoseApiPatternsMatchACallAndGivesEachCallAVerdict() {
        Classifier classifier = new Classifier(CategoryConfig.parse("""
                categories:
                  Machine Learning:
                    dependencies: [torch]
                    api_patterns: ["*api.openai.com*", "*generativelanguage.googleapis.com*"]
                    status: restricted
                  Payments:
                    dependencies: [stripe]
                    api_patterns: ["https://api.stripe.com/*"]
                    status: allowed
                  Maps:
                    dependencies: [folium]
                    api_patterns: ["*maps.googleapis.com*"]
                """));
        dev.depscan.scan.ScanReport report = new dev.depscan.scan.ScanReport(java.util.List.of(), java.util.List.of(), 0,
                dev.depscan.scan.DeclaredVersusUsed.NONE, java.util.List.of(), java.util.List.of(
                        new dev.depscan.scan.ApiCall("https://API.openai.com/v1/chat/completions", "POST", "a.py", 3),
                        new dev.depscan.scan.ApiCall("https://api.stripe.com/v1/charges", "POST", "b.ts", 1),
                        new dev.depscan.scan.ApiCall("https://example.org/feed", "GET", "c.py", 9)), 0);

        Classification result = classifier.classify(report);

        assertThat(result.apiUsage(), is(java.util.Map.of("Machine Learning", true, "Payments", true, "Maps", false)));
        assertThat(result.apiCalls().stream().map(c -> c.categories() + " " + c.verdict()).toList(), contains(
                "[Machine Learning] RESTRICTED", "[Payments] ALLOWED", "[] UNKNOWN"));
    }

    @Test
    void classifiesWithTheLegacyConfigAsThePreviousServiceDid() {
        Classifier classifier = new Classifier(CategoryConfig.load(
                Fixtures.dir("classify/legacy").resolve("config.yaml")));

        Classification result = classifier.classify(report(pypi("torch"), pypi("clickhouse-driver"), npm("coinhive")));

        assertThat(result.flags(), is(Map.of("Machine Learning", true, "Databases", false, "Crypto Mining", true,
                "Placeholder", false)));
        assertThat(result.findings().stream().map(ClassifiedFinding::verdict).toList(),
                contains(Verdict.ALLOWED, Verdict.UNKNOWN, Verdict.RESTRICTED));
    }

    @Test
    void classifiesWellKnownPackagesWithTheBundledDefaults() {
        Classifier classifier = new Classifier(CategoryConfig.bundled());

        assertThat(classifier.classify(pypi("numpy")).categories(), contains("Data Science"));
        assertThat(classifier.classify(pypi("torch")).categories(), contains("Machine Learning"));
        assertThat(classifier.classify(pypi("psycopg2-binary")).categories(), contains("Database"));
        assertThat(classifier.classify(npm("pg")).categories(), contains("Database"));
        assertThat(classifier.classify(maven("org.postgresql:postgresql")).categories(), contains("Database"));
        assertThat(classifier.classify(pypi("google-cloud-storage")).categories(), contains("Cloud"));
        assertThat(classifier.classify(pypi("celery")).categories(), contains("Messaging"));
        assertThat(classifier.classify(pypi("redis")).categories(), contains("Database"));
        assertThat(classifier.classify(pypi("clickhouse-driver")).categories(), contains("Database"));
        assertThat(classifier.classify(pypi("click")).categories(), is(empty()));
        assertThat(classifier.classify(pypi("pg")).categories(), is(empty()));
    }

    private static Classifier classifier(String yaml) {
        return new Classifier(CategoryConfig.parse(yaml));
    }

    private static ScanReport report(Finding... findings) {
        return new ScanReport(Arrays.asList(findings), List.of(), findings.length);
    }

    private static Finding pypi(String name) {
        return finding(Ecosystem.PYPI, name);
    }

    private static Finding npm(String name) {
        return finding(Ecosystem.NPM, name);
    }

    private static Finding maven(String name) {
        return finding(Ecosystem.MAVEN, name);
    }

    private static Finding finding(Ecosystem ecosystem, String name) {
        return new Finding(ecosystem, name, Optional.empty(), Optional.empty(), Scope.RUNTIME, true, Optional.empty(),
                List.of(new Evidence("manifest", 1, Evidence.Kind.MANIFEST, "test/manifest")));
    }
}
