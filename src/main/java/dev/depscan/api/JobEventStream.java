package dev.depscan.api;

import dev.depscan.api.generated.model.JobEvent;
import dev.depscan.api.generated.model.PartialResult;
import dev.depscan.classify.ClassifiedFinding;
import dev.depscan.job.Caller;
import dev.depscan.job.Job;
import dev.depscan.job.JobService;
import dev.depscan.job.JobState;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A job's Server-Sent Events: its state first, then a {@code phase} or {@code progress} event whenever the job
 * changes, and a final event named after its terminal status, after which the stream ends. The job is read from the
 * store every {@link #POLL}, so the stream works whichever replica runs the job.
 */
final class JobEventStream implements StreamingOutput {

    static final Duration POLL = Duration.ofMillis(200);

    private final JobService jobs;
    private final ObjectMapper mapper;
    private final String jobId;
    private final Caller caller;
    private final Duration heartbeat;
    private long lastWrite = System.nanoTime();

    /**
     * @param heartbeat a comment line is written after this long without an event: it keeps proxies from closing an
     *                  idle stream and lets the server notice a client that has gone
     */
    JobEventStream(JobService jobs, ObjectMapper mapper, String jobId, Caller caller, Duration heartbeat) {
        this.caller = caller;
        this.heartbeat = heartbeat;
        this.jobs = jobs;
        this.mapper = mapper;
        this.jobId = jobId;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        Job job = jobs.get(jobId, caller);
        send(out, JobEvent.TypeEnum.STATE, job);
        Set<String> sent = new HashSet<>();
        int liveSent = 0;
        while (!job.state().terminal()) {
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Job next = jobs.get(jobId, caller);
            for (ClassifiedFinding finding : jobs.liveFindings(jobId, liveSent, caller)) {
                liveSent++;
                sendFinding(out, next, finding, sent);
            }
            if (next.state().terminal()) {
                job = next;
                break;
            }
            if (!Objects.equals(next.state(), job.state())) {
                send(out, JobEvent.TypeEnum.PHASE, next);
            } else if (next.progress() != job.progress()) {
                send(out, JobEvent.TypeEnum.PROGRESS, next);
            }
            job = next;
            if (System.nanoTime() - lastWrite > heartbeat.toNanos()) {
                out.write(": heartbeat\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                lastWrite = System.nanoTime();
            }
        }
        if (job.state() instanceof JobState.Completed) {
            Job completed = job;
            for (ClassifiedFinding finding : jobs.completedResult(jobId, caller).map(r -> r.classification().findings())
                    .orElse(List.of())) {
                sendFinding(out, completed, finding, sent);
            }
        }
        send(out, JobEvent.TypeEnum.fromValue(job.state().status()), job);
    }

    /**
     * A {@code finding} event per package, once: live findings carry their first source only; findings the live
     * stream missed (a cached result, the live cap) come from the result before the completion event.
     */
    private void sendFinding(OutputStream out, Job job, ClassifiedFinding finding, Set<String> sent) throws IOException {
        if (!sent.add(finding.finding().ecosystem().id() + ":" + finding.finding().name())) {
            return;
        }
        JobEvent event = new JobEvent(JobEvent.TypeEnum.FINDING, ApiMapper.job(job))
                .finding(ApiMapper.liveFinding(finding));
        write(out, JobEvent.TypeEnum.FINDING, event);
    }

    private void send(OutputStream out, JobEvent.TypeEnum type, Job job) throws IOException {
        PartialResult partial = ApiMapper.partial(job, jobs.progress(job.id(), caller));
        JobEvent event = new JobEvent(type, ApiMapper.job(job)).partialResults(partial.getPartialResults());
        write(out, type, event);
    }

    private void write(OutputStream out, JobEvent.TypeEnum type, JobEvent event) throws IOException {
        String frame = "event: " + type.toString().toLowerCase(Locale.ROOT) + "\n"
                       + "data: " + mapper.writeValueAsString(event) + "\n\n";
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
        lastWrite = System.nanoTime();
    }
}
