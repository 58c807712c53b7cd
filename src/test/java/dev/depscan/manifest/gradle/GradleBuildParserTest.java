package dev.depscan.manifest.gradle;

import dev.depscan.manifest.FixtureTree;
import dev.depscan.scan.Dependency;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.ScanIssue;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ParseResult;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

class GradleBuildParserTest {

    private final GradleBuildParser parser = new GradleBuildParser();

    private static ParseResult parse(String fixture, String path) {
        return new GradleBuildParser().parse(FixtureTree.of("gradle", fixture).input(path));
    }

    @Test
    void acceptsBuildAndSettingsScriptsAndConventionPlugins() {
        assertThat(parser.id(), is("gradle/build"));
        assertThat(parser.accepts("build.gradle"), is(true));
        assertThat(parser.accepts("app/build.gradle.kts"), is(true));
        assertThat(parser.accepts("buildSrc/build.gradle.kts"), is(true));
        assertThat(parser.accepts("settings.gradle.kts"), is(true));
        assertThat(parser.accepts("buildSrc/src/main/kotlin/acme.java-conventions.gradle.kts"), is(true));
        assertThat(parser.accepts("build-logic/convention/src/main/kotlin/android-app.gradle.kts"), is(true));
        assertThat(parser.accepts("build-logic/src/main/groovy/acme.publishing.gradle"), is(true));

        assertThat(parser.accepts("gradle/dependencies.gradle"), is(false));
        assertThat(parser.accepts("gradle/libs.versions.toml"), is(false));
        assertThat(parser.accepts("gradle.lockfile"), is(false));
        assertThat(parser.accepts("gradle.properties"), is(false));
        assertThat(parser.accepts("buildSrc/src/main/kotlin/Dependencies.kt"), is(false));
        assertThat(parser.accepts("docs/build.gradle.md"), is(false));
        assertThat(parser.accepts("mybuild.gradle"), is(false));
    }

    @Test
    void readsAGroovyStringNotationWithItsLine() {
        ParseResult result = parse("minimal", "build.gradle");

        assertThat(result.issues(), empty());
        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "com.google.guava:guava 33.2.1-jre 33.2.1-jre RUNTIME"));
        Dependency guava = result.dependencies().getFirst();
        assertThat(guava.direct(), is(true));
        assertThat(guava.evidence(), is(new Evidence("build.gradle", 6, Evidence.Kind.MANIFEST, "gradle/build")));
    }

    @Test
    void resolvesVersionCatalogLibrariesBundlesAndPluginsOfAnAndroidApp() {
        ParseResult result = parse("kotlin-catalog", "app/build.gradle.kts");

        assertThat(result.issues(), empty());
        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "com.android.application:com.android.application.gradle.plugin 8.4.1 8.4.1 BUILD",
                "org.jetbrains.kotlin.android:org.jetbrains.kotlin.android.gradle.plugin 1.9.24 1.9.24 BUILD",
                "com.google.dagger.hilt.android:com.google.dagger.hilt.android.gradle.plugin 2.51.1 2.51.1 BUILD",
                "org.jetbrains.kotlin.kapt:org.jetbrains.kotlin.kapt.gradle.plugin - - BUILD",
                "androidx.core:core-ktx 1.13.1 1.13.1 RUNTIME",
                "androidx.compose:compose-bom 2024.05.00 2024.05.00 MANAGED",
                "androidx.compose.ui:ui - - RUNTIME",
                "androidx.compose.material3:material3 - - RUNTIME",
                "com.google.dagger:hilt-android 2.51.1 2.51.1 RUNTIME",
                "com.google.dagger:hilt-android-compiler 2.51.1 2.51.1 BUILD",
                "androidx.room:room-runtime [2.6, 2.7[ - RUNTIME",
                "com.squareup.okhttp3:okhttp 4.12.0 4.12.0 RUNTIME",
                "org.jetbrains.kotlin:kotlin-reflect - - RUNTIME",
                "com.android.tools:desugar_jdk_libs 2.0.4 2.0.4 RUNTIME",
                "org.junit.jupiter:junit-jupiter 5.10.2 5.10.2 TEST",
                "androidx.test.espresso:espresso-core 3.5.1 3.5.1 TEST",
                "androidx.compose.ui:ui-tooling - - RUNTIME"));
        assertThat(result.dependencies().get(4).evidence().line(), is(23));
    }

    @Test
    void catalogEntriesNobodyUsesAreNotReported() {
        ParseResult root = parse("kotlin-catalog", "build.gradle.kts");

        assertThat(FixtureTree.rows(root.dependencies()), contains(
                "com.android.application:com.android.application.gradle.plugin 8.4.1 8.4.1 BUILD",
                "org.jetbrains.kotlin.android:org.jetbrains.kotlin.android.gradle.plugin 1.9.24 1.9.24 BUILD"));
    }

    @Test
    void resolvesKotlinDslVariablesExtrasAndGradleProperties() {
        ParseResult result = parse("kotlin-catalog", "server/build.gradle.kts");

        assertThat(result.issues(), empty());
        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "org.springframework.boot:org.springframework.boot.gradle.plugin 3.3.1 3.3.1 BUILD",
                "io.spring.dependency-management:io.spring.dependency-management.gradle.plugin 1.1.5 1.1.5 BUILD",
                "org.jetbrains.kotlin.jvm:org.jetbrains.kotlin.jvm.gradle.plugin 1.9.24 1.9.24 BUILD",
                "org.jetbrains.kotlin.plugin.spring:org.jetbrains.kotlin.plugin.spring.gradle.plugin 1.9.24 1.9.24 BUILD",
                "org.springframework.boot:spring-boot-starter-web - - RUNTIME",
                "com.fasterxml.jackson.module:jackson-module-kotlin - - RUNTIME",
                "org.springframework.cloud:spring-cloud-dependencies 2023.0.2 2023.0.2 MANAGED",
                "io.ktor:ktor-client-core 2.3.11 2.3.11 RUNTIME",
                "org.apache.commons:commons-lang3 3.14.0 3.14.0 RUNTIME",
                "org.projectlombok:lombok 1.18.32 1.18.32 PROVIDED",
                "org.projectlombok:lombok 1.18.32 1.18.32 BUILD",
                "org.postgresql:postgresql - - RUNTIME",
                "org.springframework.boot:spring-boot-starter-test - - TEST",
                "io.mockk:mockk 1.13.11 1.13.11 TEST",
                "org.junit.platform:junit-platform-launcher - - TEST",
                "org.yaml:snakeyaml 2.2 2.2 MANAGED"));
    }

    @Test
    void settingsPluginsAreBuildDependencies() {
        ParseResult result = parse("kotlin-catalog", "settings.gradle.kts");

        assertThat(result.issues(), empty());
        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "org.gradle.toolchains.foojay-resolver-convention:"
                        + "org.gradle.toolchains.foojay-resolver-convention.gradle.plugin 0.8.0 0.8.0 BUILD"));
    }

    @Test
    void resolvesGroovyExtVersionsFromTheRootScriptAppliedScriptsAndGradleProperties() {
        ParseResult result = parse("groovy-ext", "service/build.gradle");

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "org.springframework:spring-core 6.1.8 6.1.8 RUNTIME",
                "org.springframework:spring-context 6.1.8 6.1.8 RUNTIME",
                "com.fasterxml.jackson.core:jackson-databind 2.17.1 2.17.1 RUNTIME",
                "org.slf4j:slf4j-api 2.0.13 2.0.13 RUNTIME",
                "com.google.guava:guava 33.2.1-jre 33.2.1-jre RUNTIME",
                "org.apache.commons:commons-lang3 3.14.0 3.14.0 RUNTIME",
                "com.squareup.okio:okio 3.9.0 3.9.0 RUNTIME",
                "org.jetbrains.kotlin:kotlin-stdlib 1.9.24 1.9.24 RUNTIME",
                "io.netty:netty-tcnative-boringssl-static 2.0.65.Final 2.0.65.Final RUNTIME",
                "com.android.support:appcompat-v7 28.0.0 28.0.0 RUNTIME",
                "org.bouncycastle:bcprov-jdk18on 1.78.1 1.78.1 RUNTIME",
                "com.acme.internal:billing $billingVersion - RUNTIME",
                "org.apache.httpcomponents.client5:httpclient5 5.3.+ - RUNTIME",
                "org.projectlombok:lombok 1.18.32 1.18.32 PROVIDED",
                "org.projectlombok:lombok 1.18.32 1.18.32 BUILD",
                "com.h2database:h2 2.2.224 2.2.224 RUNTIME",
                "org.junit:junit-bom 5.10.2 5.10.2 MANAGED",
                "org.junit.jupiter:junit-jupiter - - TEST",
                "org.apache.commons:commons-text 1.12.0 1.12.0 TEST",
                "org.assertj:assertj-core 3.26.0 3.26.0 TEST"));
        assertThat(result.issues(), empty());
    }

    @Test
    void readsBuildscriptClasspathAsBuildAndSubprojectsBlocks() {
        ParseResult result = parse("groovy-ext", "build.gradle");

        assertThat(result.issues(), empty());
        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "org.jetbrains.kotlin:kotlin-gradle-plugin 1.9.24 1.9.24 BUILD",
                "com.diffplug.spotless:spotless-plugin-gradle 6.25.0 6.25.0 BUILD",
                "junit:junit 4.13.2 4.13.2 TEST"));
    }

    @Test
    void resolvesBuildSrcConstantsAndSkipsTheRepositorysOwnConventionPlugins() {
        ParseResult lib = parse("buildsrc", "lib/build.gradle.kts");

        assertThat(lib.issues(), empty());
        assertThat(FixtureTree.rows(lib.dependencies()), contains(
                "com.squareup.retrofit2:retrofit 2.11.0 2.11.0 RUNTIME",
                "com.squareup.moshi:moshi 1.15.1 1.15.1 RUNTIME",
                "com.squareup.retrofit2:converter-moshi 2.11.0 2.11.0 RUNTIME"));

        ParseResult convention = parse("buildsrc", "buildSrc/src/main/kotlin/acme.java-conventions.gradle.kts");
        assertThat(FixtureTree.rows(convention.dependencies()), contains(
                "com.diffplug.spotless:com.diffplug.spotless.gradle.plugin - - BUILD",
                "org.junit.jupiter:junit-jupiter 5.10.2 5.10.2 TEST"));
    }

    @Test
    void scopesMultiplatformSourceSetsAndResolvesNamesInsideWithBlocks() {
        ParseResult result = parse("multiplatform", "shared/build.gradle.kts");

        assertThat(result.issues(), empty());
        assertThat(String.join("\n", FixtureTree.rows(result.dependencies())), FixtureTree.rows(result.dependencies()),
                   contains(
                "org.jetbrains.kotlin.multiplatform:org.jetbrains.kotlin.multiplatform.gradle.plugin - - BUILD",
                "org.jetbrains.kotlinx:kotlinx-coroutines-core 1.8.1 1.8.1 RUNTIME",
                "org.jetbrains.kotlinx:kotlinx-datetime 0.6.0 0.6.0 RUNTIME",
                "org.jetbrains.kotlin:kotlin-test - - TEST",
                "org.jetbrains.kotlinx:kotlinx-coroutines-test 1.8.1 1.8.1 TEST",
                "app.cash.turbine:turbine 1.1.0 1.1.0 TEST",
                "io.ktor:ktor-client-okhttp 2.3.12 2.3.12 RUNTIME",
                "io.mockk:mockk 1.13.11 1.13.11 TEST",
                "junit:junit 4.13.2 4.13.2 TEST",
                "io.kotest:kotest-assertions-core 5.9.1 5.9.1 TEST"));
    }

    @Test
    void commentsStringsAndProjectDependenciesAreNotReported() {
        ParseResult result = parse("comments", "build.gradle.kts");

        assertThat(result.issues(), empty());
        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "com.example:real 1.0 1.0 RUNTIME",
                "com.example:url-in-string 1.0 1.0 RUNTIME"));
    }

    @Test
    void usesCatalogsNamedInSettingsAndReportsUnknownAliases() {
        ParseResult result = parse("custom-catalog", "app/build.gradle.kts");

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "com.fasterxml.jackson.core:jackson-databind 2.17.1 2.17.1 RUNTIME"));
        assertThat(result.issues().stream().map(i -> i.file() + ":" + i.line() + " " + i.message()).toList(), contains(
                "deps/catalog.toml:0 'dangling' refers to unknown version 'nope'",
                "app/build.gradle.kts:3 no library 'not.there' in 'deps/catalog.toml'",
                "app/build.gradle.kts:4 no version catalog 'libs' in the repository for 'libs.guava'"));
    }

    @Test
    void malformedCatalogIsAnIssueAndTheRestOfTheScriptIsStillRead() {
        ParseResult result = parse("bad-catalog", "build.gradle");

        assertThat(FixtureTree.rows(result.dependencies()), contains("org.slf4j:slf4j-api 2.0.13 2.0.13 RUNTIME"));
        assertThat(result.issues().getFirst().file(), is("gradle/libs.versions.toml"));
        assertThat(result.issues().getFirst().message(), containsString("not valid TOML"));
    }

    @Test
    void emptyScriptHasNothingToReport() {
        ParseResult result = parse("empty", "build.gradle.kts");

        assertThat(result.dependencies(), empty());
        assertThat(result.issues(), empty());
    }

    @Test
    void malformedScriptKeepsWhatItCouldReadAndReportsAnIssue() {
        ParseResult result = parse("malformed", "build.gradle.kts");

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "org.slf4j:slf4j-api 2.0.13 2.0.13 RUNTIME",
                "org.junit.jupiter:junit-jupiter 5.10.2 5.10.2 TEST"));
        assertThat(result.issues(), hasSize(1));
        ScanIssue issue = result.issues().getFirst();
        assertThat(issue.parser(), is("gradle/build"));
        assertThat(issue.message(), containsString("braces"));
    }

    @Test
    void deeplyNestedExpressionsAreSkippedWithoutFailing() {
        String nested = "(".repeat(20_000) + "\"a:b:1\"" + ")".repeat(20_000);
        String script = "dependencies {\n    implementation" + nested + "\n    implementation(\"org.ok:ok:1.0\")\n}\n";
        FixtureTree tree = FixtureTree.of("gradle", "empty");
        ParseResult result = parser.parse(new ManifestInput("build.gradle.kts", script, tree));

        assertThat(FixtureTree.rows(result.dependencies()), contains("org.ok:ok 1.0 1.0 RUNTIME"));
    }

    @Test
    void scopeFollowsTheConfigurationName() {
        assertThat(GradleBuildParser.scopeOf("implementation", false, false), is(Scope.RUNTIME));
        assertThat(GradleBuildParser.scopeOf("api", false, false), is(Scope.RUNTIME));
        assertThat(GradleBuildParser.scopeOf("compileOnlyApi", false, false), is(Scope.RUNTIME));
        assertThat(GradleBuildParser.scopeOf("compile", false, false), is(Scope.RUNTIME));
        assertThat(GradleBuildParser.scopeOf("releaseImplementation", false, false), is(Scope.RUNTIME));
        assertThat(GradleBuildParser.scopeOf("compileOnly", false, false), is(Scope.PROVIDED));
        assertThat(GradleBuildParser.scopeOf("testImplementation", false, false), is(Scope.TEST));
        assertThat(GradleBuildParser.scopeOf("androidTestImplementation", false, false), is(Scope.TEST));
        assertThat(GradleBuildParser.scopeOf("testFixturesApi", false, false), is(Scope.TEST));
        assertThat(GradleBuildParser.scopeOf("integrationTestRuntimeOnly", false, false), is(Scope.TEST));
        assertThat(GradleBuildParser.scopeOf("kapt", false, false), is(Scope.BUILD));
        assertThat(GradleBuildParser.scopeOf("kspTest", false, false), is(Scope.BUILD));
        assertThat(GradleBuildParser.scopeOf("annotationProcessor", false, false), is(Scope.BUILD));
        assertThat(GradleBuildParser.scopeOf("classpath", true, false), is(Scope.BUILD));
        assertThat(GradleBuildParser.scopeOf("detektPlugins", false, false), is(Scope.RUNTIME));
        assertThat(GradleBuildParser.scopeOf("implementation", false, true), is(Scope.MANAGED));
    }
}
