package dev.depscan.job;

import java.util.Objects;

/**
 * Who is asking, and what their roles let them do with jobs. A job belongs to the principal that submitted it.
 * Whoever may not see a job is told it does not exist ({@link JobNotFoundException}), so job ids reveal nothing;
 * whoever may see it but not act on it is refused ({@link ForbiddenException}).
 *
 * @param name        the authenticated principal
 * @param maySubmit   may submit scans (role {@code scanner} or {@code admin})
 * @param seesAll     may read every job, not only their own (role {@code reader} or {@code admin})
 * @param cancelsAll  may cancel every job (role {@code admin}); others cancel only their own, and only if they submit
 */
public record Caller(String name, boolean maySubmit, boolean seesAll, boolean cancelsAll) {

    public Caller {
        Objects.requireNonNull(name, "name");
    }

    boolean sees(Job job) {
        return seesAll || job.owner().equals(name);
    }

    boolean mayCancel(Job job) {
        return cancelsAll || maySubmit && job.owner().equals(name);
    }
}
