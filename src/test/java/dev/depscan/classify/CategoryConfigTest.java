package dev.depscan.classify;

import dev.depscan.scan.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class CategoryConfigTest {

    @Test
    void loadsThePreviousServicesConfigUnchanged() {
        CategoryConfig config = CategoryConfig.load(Fixtures.dir("classify/legacy").resolve("config.yaml"));

        assertThat(config.categories().stream().map(Category::name).toList(),
                contains("Machine Learning", "Databases", "Crypto Mining", "Placeholder"));
        Category ml = config.categories().get(0);
        assertThat(ml.dependencies(), contains("tensorflow", "torch", "scikit-learn", "django-*"));
        assertThat(ml.apiPatterns(), contains("*api.openai.com*"));
        assertThat(ml.status(), is(Optional.of(Category.Status.ALLOWED)));
        assertThat(config.categories().get(1).status(), is(Optional.empty()));
        assertThat(config.categories().get(2).status(), is(Optional.of(Category.Status.RESTRICTED)));
        assertThat(config.categories().get(3).dependencies(), is(List.of()));
        assertThat(config.ignorePatterns(), contains("tests/*", "**/fixtures/**"));
        assertThat(config.allow(), is(List.of()));
    }

    @Test
    void readsAllowAndRestrictLists() {
        CategoryConfig config = CategoryConfig.parse("""
                categories: {}
                allow: [requests, "npm:express"]
                restrict: ["left-*"]
                """);

        assertThat(config.allow(), contains("requests", "npm:express"));
        assertThat(config.restrict(), contains("left-*"));
    }

    @Test
    void loadsTheBundledDefaults() {
        CategoryConfig config = CategoryConfig.bundled();

        assertThat(config.categories().stream().map(Category::name).toList(), hasItems("Data Science", "Machine Learning",
                "Web Frameworks", "Database", "Security", "Cloud", "Messaging", "Testing", "Logging", "Observability",
                "HTTP Clients", "Serialization"));
    }

    @Test
    void hashesTheMeaningNotTheLayout() {
        CategoryConfig a = CategoryConfig.parse("categories:\n  A:\n    dependencies: [x, y]\n");
        CategoryConfig b = CategoryConfig.parse("# comment\ncategories: {A: {dependencies: [x, y], note: ignored}}\n");
        CategoryConfig c = CategoryConfig.parse("categories:\n  A:\n    dependencies: [y, x]\n");

        assertThat(a.hash(), is(b.hash()));
        assertThat(a.hash(), not(is(c.hash())));
        assertThat(a.hash().matches("[0-9a-f]{64}"), is(true));
    }

    @Test
    void rejectsInvalidConfigsWithAClearMessage() {
        assertThat(fails(""), containsString("empty"));
        assertThat(fails("- a\n- b\n"), containsString("mapping"));
        assertThat(fails("ignore_patterns: []\n"), containsString("no 'categories'"));
        assertThat(fails("categories: [a, b]\n"), containsString("'categories' must be a mapping"));
        assertThat(fails("categories:\n  ML:\n    dependencies: torch\n"), containsString("category 'ML': 'dependencies'"));
        assertThat(fails("categories:\n  ML:\n    dependencies: [{a: b}]\n"), containsString("item 1 must be a string"));
        assertThat(fails("categories:\n  ML:\n    status: banned\n"), containsString("'allowed' or 'restricted'"));
        assertThat(fails("categories:\n  ML: {}\n  ML: {}\n"), containsString("not valid YAML"));
        assertThat(fails("categories: {ML: [\n"), containsString("not valid YAML"));
    }

    @Test
    void neverExpandsAliasBombs() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 30; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            yaml.append(("*a" + (i - 1) + ", ").repeat(9)).append("*a").append(i - 1).append("]\n");
        }
        yaml.append("categories: {}\n");

        CategoryConfig config = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> CategoryConfig.parse(yaml.toString()));

        assertThat(config.categories(), is(List.of()));
    }

    @Test
    void namesOnlyTheFileNameWhenLoadingFails() {
        CategoryConfigException e = assertThrows(CategoryConfigException.class,
                () -> CategoryConfig.load(Fixtures.dir("classify/legacy").resolve("missing.yaml")));

        assertThat(e.getMessage(), containsString("missing.yaml"));
        assertThat(e.getMessage(), not(containsString("/fixtures/")));
    }

    private static String fails(String yaml) {
        return assertThrows(CategoryConfigException.class, () -> CategoryConfig.parse(yaml)).getMessage();
    }
}
