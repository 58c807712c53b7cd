package dev.depscan.job;

import dev.depscan.classify.ClassifiedFinding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * Keeps jobs, their latest progress and their results in a relational database over JDBC, so they survive a
 * restart. The schema is migrated by Flyway ({@code db/migration}). A change to a job is one transaction that reads
 * the row {@code FOR UPDATE}, applies the change and writes it back, so concurrent changes of one job serialise and a
 * job can never be in two states. Results are stored as JSON. Live findings of running jobs stay in memory: a
 * finished job's result holds them all.
 */
final class JdbcJobStore implements JobStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String COLUMNS = "id, owner, git_url, fetch_url, ref, status, phase, cached, error_code, "
                                          + "error_message, progress, created_at, started_at, finished_at, commit_id";

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Map<String, List<ClassifiedFinding>> liveFindings = new ConcurrentHashMap<>();

    /** The SQL the two databases spell differently: inserting or replacing the one row a job has in a table. */
    enum Dialect {
        H2("MERGE INTO job_progress (job_id, scanned, total, found, current_file, last_updated) KEY (job_id) "
           + "SELECT id, ?, ?, ?, ?, ? FROM jobs WHERE id = ?",
           "MERGE INTO job_results (job_id, result) KEY (job_id) SELECT id, ? FROM jobs WHERE id = ?"),
        POSTGRESQL("INSERT INTO job_progress (job_id, scanned, total, found, current_file, last_updated) "
                   + "SELECT id, ?, ?, ?, ?, ? FROM jobs WHERE id = ? ON CONFLICT (job_id) DO UPDATE SET "
                   + "scanned = EXCLUDED.scanned, total = EXCLUDED.total, found = EXCLUDED.found, "
                   + "current_file = EXCLUDED.current_file, last_updated = EXCLUDED.last_updated",
                   "INSERT INTO job_results (job_id, result) SELECT id, ? FROM jobs WHERE id = ? "
                   + "ON CONFLICT (job_id) DO UPDATE SET result = EXCLUDED.result");

        private final String upsertProgress;
        private final String upsertResult;

        Dialect(String upsertProgress, String upsertResult) {
            this.upsertProgress = upsertProgress;
            this.upsertResult = upsertResult;
        }
    }

    JdbcJobStore(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    @Override
    public void insert(Job job) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO jobs (" + COLUMNS + ") VALUES "
                                                              + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(insert, job);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot insert job " + job.id(), e);
        }
    }

    @Override
    public void insert(Job job, String idempotencyKey) {
        insert(job);
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE jobs SET idempotency_key = ? WHERE id = ?")) {
            update.setString(1, idempotencyKey);
            update.setString(2, job.id());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot record the idempotency key of job " + job.id(), e);
        }
    }

    @Override
    public Optional<Job> findByIdempotencyKey(String owner, String idempotencyKey) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                                                              + " FROM jobs WHERE owner = ? AND idempotency_key = ?")) {
            select.setString(1, owner);
            select.setString(2, idempotencyKey);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(job(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot look up an idempotency key", e);
        }
    }

    @Override
    public Optional<Job> find(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM jobs WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(job(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read job " + id, e);
        }
    }

    @Override
    public Optional<Job> update(String id, UnaryOperator<Job> change) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Job current;
                try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                                                                   + " FROM jobs WHERE id = ? FOR UPDATE")) {
                    select.setString(1, id);
                    try (ResultSet row = select.executeQuery()) {
                        if (!row.next()) {
                            c.rollback();
                            return Optional.empty();
                        }
                        current = job(row);
                    }
                }
                Job next = change.apply(current);
                if (!next.equals(current)) {
                    try (PreparedStatement update = c.prepareStatement(
                            "UPDATE jobs SET id = ?, owner = ?, git_url = ?, fetch_url = ?, ref = ?, status = ?, phase = ?, "
                            + "cached = ?, error_code = ?, error_message = ?, progress = ?, created_at = ?, "
                            + "started_at = ?, finished_at = ?, commit_id = ? WHERE id = ?")) {
                        bind(update, next);
                        update.setString(16, id);
                        update.executeUpdate();
                    }
                }
                c.commit();
                return Optional.of(next);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot update job " + id, e);
        }
    }

    @Override
    public void delete(String id) {
        liveFindings.remove(id);
        execute("DELETE FROM jobs WHERE id = ?", id);
    }

    @Override
    public JobPage list(JobQuery query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<String> args = new ArrayList<>();
        query.status().ifPresent(s -> {
            where.append(" AND status = ?");
            args.add(s);
        });
        query.gitUrl().ifPresent(u -> {
            where.append(" AND git_url = ?");
            args.add(u);
        });
        query.owner().ifPresent(o -> {
            where.append(" AND owner = ?");
            args.add(o);
        });
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM jobs" + where)) {
                bindAll(count, args);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    total = row.getLong(1);
                }
            }
            List<Job> jobs = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM jobs" + where
                                                               + " ORDER BY created_at DESC, id ASC LIMIT ? OFFSET ?")) {
                bindAll(select, args);
                select.setInt(args.size() + 1, query.perPage());
                select.setLong(args.size() + 2, (long) (query.page() - 1) * query.perPage());
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        jobs.add(job(row));
                    }
                }
            }
            return new JobPage(jobs, total, query.page(), query.perPage());
        } catch (SQLException e) {
            throw new StoreException("cannot list jobs", e);
        }
    }

    @Override
    public long count(String status) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM jobs WHERE status = ?")) {
            count.setString(1, status);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot count jobs", e);
        }
    }

    @Override
    public int purgeFinished(Instant finishedBefore, int keepAtMost) {
        List<String> doomed = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT id, COALESCE(finished_at, created_at) AS ended FROM jobs WHERE status IN "
                        + "('completed', 'failed', 'cancelled') ORDER BY ended DESC, id ASC")) {
            try (ResultSet row = select.executeQuery()) {
                int index = 0;
                while (row.next()) {
                    Instant ended = row.getObject(2, OffsetDateTime.class).toInstant();
                    if (index >= keepAtMost || ended.isBefore(finishedBefore)) {
                        doomed.add(row.getString(1));
                    }
                    index++;
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot purge jobs", e);
        }
        doomed.forEach(this::delete);
        return doomed.size();
    }

    @Override
    public void appendFindings(String id, List<ClassifiedFinding> findings) {
        liveFindings.computeIfAbsent(id, key -> new CopyOnWriteArrayList<>()).addAll(findings);
    }

    @Override
    public List<ClassifiedFinding> findings(String id, int from) {
        List<ClassifiedFinding> found = liveFindings.getOrDefault(id, List.of());
        return from >= found.size() ? List.of() : List.copyOf(found.subList(from, found.size()));
    }

    @Override
    public void saveProgress(String id, JobProgress p) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement merge = c.prepareStatement(dialect.upsertProgress)) {
            merge.setInt(1, p.scannedFiles());
            merge.setInt(2, p.totalFiles());
            merge.setInt(3, p.foundDependencies());
            merge.setString(4, p.currentFile().orElse(null));
            merge.setObject(5, time(p.lastUpdated()));
            merge.setString(6, id);
            merge.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot save progress of job " + id, e);
        }
    }

    @Override
    public Optional<JobProgress> progress(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT scanned, total, found, current_file, last_updated "
                                                              + "FROM job_progress WHERE job_id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new JobProgress(row.getInt(1), row.getInt(2), row.getInt(3),
                                                   Optional.ofNullable(row.getString(4)),
                                                   row.getObject(5, OffsetDateTime.class).toInstant()));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read progress of job " + id, e);
        }
    }

    @Override
    public void saveResult(String id, JobResult result) {
        String json;
        try {
            json = JSON.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot serialise the result of job " + id, e);
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement merge = c.prepareStatement(dialect.upsertResult)) {
            merge.setString(1, json);
            merge.setString(2, id);
            merge.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot save the result of job " + id, e);
        }
        liveFindings.remove(id);
    }

    @Override
    public Optional<JobResult> result(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT result FROM job_results WHERE job_id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(JSON.readValue(row.getString(1), JobResult.class));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot read the result of job " + id, e);
        }
    }

    private void execute(String sql, String id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, id);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot change job " + id, e);
        }
    }

    private static void bindAll(PreparedStatement statement, List<String> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            statement.setString(i + 1, args.get(i));
        }
    }

    private static void bind(PreparedStatement s, Job job) throws SQLException {
        s.setString(1, job.id());
        s.setString(2, job.owner());
        s.setString(3, job.gitUrl());
        s.setString(4, job.fetchUrl());
        s.setString(5, job.ref().orElse(null));
        s.setString(6, job.state().status());
        s.setString(7, job.state() instanceof JobState.Running running
                ? running.phase().name().toLowerCase(Locale.ROOT) : null);
        s.setBoolean(8, job.state() instanceof JobState.Completed completed && completed.cached());
        s.setString(9, job.state() instanceof JobState.Failed failed ? failed.failure().code().name() : null);
        s.setString(10, job.state() instanceof JobState.Failed failed ? failed.failure().message() : null);
        s.setInt(11, job.progress());
        s.setObject(12, time(job.createdAt()));
        s.setObject(13, job.startedAt().map(JdbcJobStore::time).orElse(null));
        s.setObject(14, job.finishedAt().map(JdbcJobStore::time).orElse(null));
        s.setString(15, job.commit().orElse(null));
    }

    private static Job job(ResultSet row) throws SQLException {
        String status = row.getString("status");
        JobState state = switch (status) {
            case JobState.PENDING -> new JobState.Pending();
            case JobState.RUNNING -> new JobState.Running(JobState.Phase.valueOf(
                    row.getString("phase").toUpperCase(Locale.ROOT)));
            case "completed" -> new JobState.Completed(row.getBoolean("cached"));
            case "failed" -> new JobState.Failed(new JobFailure(FailureCode.valueOf(row.getString("error_code")),
                                                                row.getString("error_message")));
            case "cancelled" -> new JobState.Cancelled();
            default -> throw new SQLException("unknown job status " + status);
        };
        return new Job(row.getString("id"), row.getString("owner"), row.getString("git_url"),
                       row.getString("fetch_url"), Optional.ofNullable(row.getString("ref")), state,
                       row.getInt("progress"), instant(row, "created_at").orElseThrow(), instant(row, "started_at"),
                       instant(row, "finished_at"), Optional.ofNullable(row.getString("commit_id")));
    }

    private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return Optional.ofNullable(value).map(OffsetDateTime::toInstant);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The database failed; the job engine cannot go on with this operation. */
    static final class StoreException extends RuntimeException {

        StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
