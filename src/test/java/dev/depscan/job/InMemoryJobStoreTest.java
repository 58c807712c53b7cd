package dev.depscan.job;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

class InMemoryJobStoreTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final InMemoryJobStore store = new InMemoryJobStore();

    @Test
    void countsJobsByStatus() {
        store.insert(job("p", T0));
        store.insert(job("r", T0));
        store.update("r", j -> j.running(JobState.Phase.FETCHING, T0));
        store.insert(finished("c", T0, T0.plusSeconds(1)));

        assertThat(store.count(JobState.PENDING), is(1L));
        assertThat(store.count(JobState.RUNNING), is(1L));
        assertThat(store.count("completed"), is(1L));
        assertThat(store.countUnfinished(), is(2L));
    }

    @Test
    void purgesFinishedJobsOlderThanTheCutoffWithTheirResults() {
        store.insert(finished("old", T0, T0.plusSeconds(10)));
        store.saveProgress("old", new JobProgress(1, 1, 0, Optional.empty(), T0));
        store.insert(finished("new", T0, T0.plus(Duration.ofDays(8))));
        store.insert(job("waiting", T0));

        int removed = store.purgeFinished(T0.plus(Duration.ofDays(1)), 100);

        assertThat(removed, is(1));
        assertThat(store.find("old").isPresent(), is(false));
        assertThat(store.progress("old").isPresent(), is(false));
        assertThat(store.find("new").isPresent(), is(true));
        assertThat(store.find("waiting").isPresent(), is(true));
    }

    @Test
    void keepsOnlyTheNewestFinishedJobsBeyondTheCountAndNeverAnUnfinishedOne() {
        for (int i = 0; i < 5; i++) {
            store.insert(finished("done-" + i, T0, T0.plusSeconds(i)));
        }
        store.insert(job("waiting", T0.minus(Duration.ofDays(30))));

        int removed = store.purgeFinished(T0.minus(Duration.ofDays(365)), 2);

        assertThat(removed, is(3));
        assertThat(store.find("done-4").isPresent() && store.find("done-3").isPresent(), is(true));
        assertThat(store.find("done-2").isPresent(), is(false));
        assertThat(store.find("waiting").isPresent(), is(true));
    }

    private static Job job(String id, Instant created) {
        return Job.pending(id, "admin", "https://example.test/r.git", "https://example.test/r.git", Optional.empty(),
                           created);
    }

    private static Job finished(String id, Instant created, Instant finished) {
        return job(id, created).running(JobState.Phase.SCANNING, created)
                .finished(new JobState.Completed(false), finished);
    }
}
