package dev.depscan.job;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Chooses the job store from {@code depscan.store}: {@code embedded} (the default) keeps jobs in an H2 database file
 * under {@code depscan.data.dir}, so they survive a restart with no setup; {@code postgres} keeps them in PostgreSQL
 * ({@code depscan.store.url}, {@code .user}, {@code .password}, pooled by HikariCP); {@code memory} keeps them in
 * memory only. Either database's schema is migrated by Flyway at start-up.
 */
@ApplicationScoped
class JobStores {

    private static final Logger LOGGER = Logger.getLogger(JobStores.class.getName());

    private JdbcConnectionPool pool;
    private HikariDataSource hikari;

    @Produces
    @ApplicationScoped
    JobStore store(@ConfigProperty(name = "depscan.store", defaultValue = "embedded") String kind,
                   @ConfigProperty(name = "depscan.data.dir") String dataDir,
                   @ConfigProperty(name = "depscan.store.url") Optional<String> url,
                   @ConfigProperty(name = "depscan.store.user") Optional<String> user,
                   @ConfigProperty(name = "depscan.store.password") Optional<String> password,
                   @ConfigProperty(name = "depscan.store.max-connections", defaultValue = "16") int maxConnections) {
        if (kind.equals("postgres")) {
            return postgres(url.orElseThrow(() -> new IllegalStateException(
                                    "depscan.store=postgres needs depscan.store.url (jdbc:postgresql://host/db)")),
                            user.orElse(""), password.orElse(""), maxConnections, Optional.empty());
        }
        return store(kind, dataDir);
    }

    /** A PostgreSQL store; {@code schema}, when given, holds its tables (created when missing). */
    JobStore postgres(String url, String user, String password, int maxConnections, Optional<String> schema) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxConnections);
        config.setPoolName("depscan-store");
        schema.ifPresent(config::setSchema);
        hikari = new HikariDataSource(config);
        var flyway = Flyway.configure().dataSource(hikari).locations("classpath:db/migration/postgresql");
        schema.ifPresent(s -> flyway.schemas(s).createSchemas(true));
        flyway.load().migrate();
        LOGGER.info(() -> "job store: PostgreSQL " + url.replaceAll("\\?.*$", ""));
        return new JdbcJobStore(hikari, JdbcJobStore.Dialect.POSTGRESQL);
    }

    JobStore store(String kind, String dataDir) {
        return switch (kind) {
            case "memory" -> new InMemoryJobStore();
            case "embedded" -> {
                Path file = Path.of(dataDir).toAbsolutePath().resolve("jobs");
                pool = JdbcConnectionPool.create("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE", "depscan", "");
                pool.setMaxConnections(32);
                Flyway.configure().dataSource(pool).locations("classpath:db/migration/h2").load().migrate();
                LOGGER.info(() -> "job store: embedded database " + file + ".mv.db");
                yield new JdbcJobStore(pool, JdbcJobStore.Dialect.H2);
            }
            default -> throw new IllegalStateException("depscan.store must be 'embedded', 'postgres' or 'memory', not '"
                                                       + kind + "'");
        };
    }

    void close(@Disposes JobStore store) {
        if (pool != null) {
            pool.dispose();
        }
        if (hikari != null) {
            hikari.close();
        }
    }
}
