package dev.depscan.api;

import dev.depscan.api.generated.model.JobEvent;
import dev.depscan.api.generated.model.PartialResult;
import dev.depscan.job.Job;
import dev.depscan.job.JobService;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

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

    JobEventStream(JobService jobs, ObjectMapper mapper, String jobId) {
        this.jobs = jobs;
        this.mapper = mapper;
        this.jobId = jobId;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        Job job = jobs.get(jobId);
        send(out, JobEvent.TypeEnum.STATE, job);
        while (!job.state().terminal()) {
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Job next = jobs.get(jobId);
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
        }
        send(out, JobEvent.TypeEnum.fromValue(job.state().status()), job);
    }

    private void send(OutputStream out, JobEvent.TypeEnum type, Job job) throws IOException {
        PartialResult partial = ApiMapper.partial(job, jobs.progress(job.id()));
        JobEvent event = new JobEvent(type, ApiMapper.job(job)).partialResults(partial.getPartialResults());
        String frame = "event: " + type.toString().toLowerCase(Locale.ROOT) + "\n"
                       + "data: " + mapper.writeValueAsString(event) + "\n\n";
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
