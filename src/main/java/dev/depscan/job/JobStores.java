package dev.depscan.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Chooses the job store from {@code depscan.store}: {@code embedded} (the default) keeps jobs in an H2 database file
 * under {@code depscan.data.dir}, so they survive a restart with no setup; {@code memory} keeps them in memory only.
 * The embedded schema is migrated by Flyway at start-up.
 */
@ApplicationScoped
class JobStores {

    private static final Logger LOGGER = Logger.getLogger(JobStores.class.getName());

    private JdbcConnectionPool pool;

    @Produces
    @ApplicationScoped
    JobStore store(@ConfigProperty(name = "depscan.store", defaultValue = "embedded") String kind,
                   @ConfigProperty(name = "depscan.data.dir") String dataDir) {
        return switch (kind) {
            case "memory" -> new InMemoryJobStore();
            case "embedded" -> {
                Path file = Path.of(dataDir).toAbsolutePath().resolve("jobs");
                pool = JdbcConnectionPool.create("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE", "depscan", "");
                pool.setMaxConnections(32);
                Flyway.configure().dataSource(pool).locations("classpath:db/migration/h2").load().migrate();
                LOGGER.info(() -> "job store: embedded database " + file + ".mv.db");
                yield new JdbcJobStore(pool);
            }
            default -> throw new IllegalStateException("depscan.store must be 'embedded' or 'memory', not '" + kind + "'");
        };
    }

    void close(@Disposes JobStore store) {
        if (pool != null) {
            pool.dispose();
        }
    }
}
