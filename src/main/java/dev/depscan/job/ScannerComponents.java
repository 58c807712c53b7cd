package dev.depscan.job;

import dev.depscan.classify.CategoryConfig;
import dev.depscan.classify.Classifier;
import dev.depscan.scan.Scanner;
import dev.depscan.scan.ScannerOptions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Builds the scanner library's objects from configuration: the categories file ({@code depscan.categories.file},
 * else the bundled one) and the scanner's limits. Loaded once at start-up; a broken categories file stops the start.
 */
@ApplicationScoped
class ScannerComponents {

    private static final Logger LOGGER = Logger.getLogger(ScannerComponents.class.getName());

    @Produces
    @Singleton
    CategoryConfig categories(@ConfigProperty(name = "depscan.categories.file") Optional<String> file) {
        CategoryConfig config = file.map(Path::of).map(CategoryConfig::load).orElseGet(CategoryConfig::bundled);
        LOGGER.info(() -> "categories from " + file.orElse("the bundled categories.yaml") + ": "
                          + config.categories().size() + " categories");
        return config;
    }

    @Produces
    @Singleton
    Classifier classifier(CategoryConfig categories) {
        return new Classifier(categories);
    }

    @Produces
    @Singleton
    Scanner scanner(CategoryConfig categories,
                    @ConfigProperty(name = "depscan.scan.max-file-bytes", defaultValue = "5242880") int maxFileBytes,
                    @ConfigProperty(name = "depscan.scan.max-total-bytes", defaultValue = "1073741824")
                    long maxTotalBytes) {
        return new Scanner(ScannerOptions.defaults().withMaxFileBytes(maxFileBytes).withMaxTotalBytes(maxTotalBytes)
                                   .withIgnoreGlobs(categories.ignorePatterns()));
    }
}
