package dev.depscan.manifest.gradle;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GradleVersionCatalogParserTest {

    private static final String CATALOG = """
            [versions]
            kotlin = "1.9.24"
            room = { strictly = "[2.6, 2.7[", prefer = "2.6.1" }
            okio = { prefer = "3.9.0" }

            [libraries]
            kotlin-stdlib = { module = "org.jetbrains.kotlin:kotlin-stdlib", version.ref = "kotlin" }
            room_runtime = { group = "androidx.room", name = "room-runtime", version = { ref = "room" } }
            okio = { module = "com.squareup.okio:okio", version.ref = "okio" }
            guava = "com.google.guava:guava:33.2.1-jre"
            compose-ui = { module = "androidx.compose.ui:ui" }
            pinned = { module = "com.example:pinned", version = { strictly = "1.0.0" } }

            [bundles]
            io = ["okio", "guava"]

            [plugins]
            kotlin-jvm = { id = "org.jetbrains.kotlin.jvm", version.ref = "kotlin" }
            detekt = "io.gitlab.arturbosch.detekt:1.23.6"
            """;

    @Test
    void normalisesAliasesAndResolvesVersionReferences() throws Exception {
        List<String> problems = new ArrayList<>();
        VersionCatalog catalog = GradleVersionCatalogParser.parse("gradle/libs.versions.toml", CATALOG, problems);

        assertThat(problems, empty());
        assertThat(catalog.libraries().keySet(), contains("kotlin.stdlib", "room.runtime", "okio", "guava", "compose.ui",
                "pinned"));
        assertThat(catalog.libraries().get("kotlin.stdlib"),
                is(new VersionCatalog.Library("org.jetbrains.kotlin", "kotlin-stdlib", Optional.of("1.9.24"))));
        assertThat(catalog.libraries().get("guava"),
                is(new VersionCatalog.Library("com.google.guava", "guava", Optional.of("33.2.1-jre"))));
        assertThat(catalog.libraries().get("compose.ui").version(), is(Optional.empty()));
        assertThat(catalog.bundles().get("io"), contains("okio", "guava"));
        assertThat(catalog.plugins().get("kotlin.jvm"),
                is(new VersionCatalog.Plugin("org.jetbrains.kotlin.jvm", Optional.of("1.9.24"))));
        assertThat(catalog.plugins().get("detekt"),
                is(new VersionCatalog.Plugin("io.gitlab.arturbosch.detekt", Optional.of("1.23.6"))));
    }

    @Test
    void richVersionsKeepTheirMostBindingPart() throws Exception {
        VersionCatalog catalog = GradleVersionCatalogParser.parse("c.toml", CATALOG, new ArrayList<>());

        assertThat(catalog.libraries().get("room.runtime").version(), is(Optional.of("[2.6, 2.7[")));
        assertThat(catalog.libraries().get("okio").version(), is(Optional.of("3.9.0")));
        assertThat(catalog.libraries().get("pinned").version(), is(Optional.of("1.0.0")));
    }

    @Test
    void emptyCatalogHasNoEntries() throws Exception {
        VersionCatalog catalog = GradleVersionCatalogParser.parse("c.toml", "", new ArrayList<>());

        assertThat(catalog.libraries().isEmpty(), is(true));
        assertThat(catalog.plugins().isEmpty(), is(true));
    }

    @Test
    void invalidTomlIsRefused() {
        assertThrows(GradleVersionCatalogParser.CatalogException.class,
                () -> GradleVersionCatalogParser.parse("c.toml", "[libraries\\nx = ", new ArrayList<>()));
    }
}
