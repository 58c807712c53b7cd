package dev.depscan.job;

import dev.depscan.classify.ClassifiedFinding;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * Keeps jobs in memory ({@code depscan.store=memory}): fast and disposable, for tests and throwaway runs; a restart
 * loses every job.
 */
class InMemoryJobStore implements JobStore {

    private static final Comparator<Job> NEWEST_FIRST =
            Comparator.comparing(Job::createdAt).reversed().thenComparing(Job::id);

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, String> idempotencyKeys = new ConcurrentHashMap<>();
    private final Map<String, JobProgress> progress = new ConcurrentHashMap<>();
    private final Map<String, JobResult> results = new ConcurrentHashMap<>();
    private final Map<String, List<ClassifiedFinding>> liveFindings = new ConcurrentHashMap<>();

    @Override
    public void insert(Job job) {
        if (jobs.putIfAbsent(job.id(), job) != null) {
            throw new IllegalStateException("duplicate job id " + job.id());
        }
    }

    @Override
    public void insert(Job job, String idempotencyKey) {
        insert(job);
        idempotencyKeys.put(job.owner() + "\u0000" + idempotencyKey, job.id());
    }

    @Override
    public Optional<Job> findByIdempotencyKey(String owner, String idempotencyKey) {
        return Optional.ofNullable(idempotencyKeys.get(owner + "\u0000" + idempotencyKey)).flatMap(this::find);
    }

    @Override
    public Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public Optional<Job> update(String id, UnaryOperator<Job> change) {
        return Optional.ofNullable(jobs.computeIfPresent(id, (key, job) -> change.apply(job)));
    }

    @Override
    public void delete(String id) {
        jobs.remove(id);
        progress.remove(id);
        results.remove(id);
        liveFindings.remove(id);
    }

    @Override
    public void appendFindings(String id, List<ClassifiedFinding> findings) {
        if (jobs.containsKey(id)) {
            liveFindings.computeIfAbsent(id, key -> new CopyOnWriteArrayList<>()).addAll(findings);
        }
    }

    @Override
    public List<ClassifiedFinding> findings(String id, int from) {
        List<ClassifiedFinding> found = liveFindings.getOrDefault(id, List.of());
        return from >= found.size() ? List.of() : List.copyOf(found.subList(from, found.size()));
    }

    @Override
    public JobPage list(JobQuery query) {
        List<Job> matching = jobs.values().stream()
                .filter(job -> query.status().map(s -> s.equals(job.state().status())).orElse(true))
                .filter(job -> query.gitUrl().map(u -> u.equals(job.gitUrl())).orElse(true))
                .filter(job -> query.owner().map(o -> o.equals(job.owner())).orElse(true))
                .sorted(NEWEST_FIRST)
                .toList();
        int from = (int) Math.min((long) (query.page() - 1) * query.perPage(), matching.size());
        int to = Math.min(from + query.perPage(), matching.size());
        return new JobPage(matching.subList(from, to), matching.size(), query.page(), query.perPage());
    }

    @Override
    public long count(String status) {
        return jobs.values().stream().filter(job -> job.state().status().equals(status)).count();
    }

    @Override
    public int purgeFinished(Instant finishedBefore, int keepAtMost) {
        List<Job> finished = jobs.values().stream()
                .filter(job -> job.state().terminal())
                .sorted(Comparator.comparing((Job job) -> job.finishedAt().orElse(job.createdAt())).reversed())
                .toList();
        int removed = 0;
        for (int i = 0; i < finished.size(); i++) {
            Job job = finished.get(i);
            if (i >= keepAtMost || job.finishedAt().orElse(job.createdAt()).isBefore(finishedBefore)) {
                delete(job.id());
                removed++;
            }
        }
        return removed;
    }

    @Override
    public void saveProgress(String id, JobProgress figures) {
        if (jobs.containsKey(id)) {
            progress.put(id, figures);
        }
    }

    @Override
    public Optional<JobProgress> progress(String id) {
        return Optional.ofNullable(progress.get(id));
    }

    @Override
    public void saveResult(String id, JobResult result) {
        if (jobs.containsKey(id)) {
            results.put(id, result);
        }
    }

    @Override
    public Optional<JobResult> result(String id) {
        return Optional.ofNullable(results.get(id));
    }
}
