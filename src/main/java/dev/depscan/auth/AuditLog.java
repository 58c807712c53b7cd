package dev.depscan.auth;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.logging.Logger;

/**
 * One line per security-relevant event on the logger {@value #LOGGER_NAME}: submissions, cancellations, refused
 * actions and authentication failures, with the principal (or the name tried), the client, the job and the outcome.
 * Values are quoted and stripped of control characters so a hostile value cannot forge lines; URLs are logged as
 * the normalized form the service keeps (no credentials, query or fragment).
 */
@ApplicationScoped
public class AuditLog {

    public static final String LOGGER_NAME = "depscan.audit";
    private static final Logger LOGGER = Logger.getLogger(LOGGER_NAME);

    public void submitted(String principal, String jobId, String gitUrl) {
        LOGGER.info(line("submit", principal, "job", jobId, "git_url", gitUrl, "outcome", "accepted"));
    }

    public void submitRefused(String principal, String outcome) {
        LOGGER.info(line("submit", principal, "outcome", outcome));
    }

    public void cancelled(String principal, String jobId, String outcome) {
        LOGGER.info(line("cancel", principal, "job", jobId, "outcome", outcome));
    }

    public void authenticationFailed(String client, String name, String outcome) {
        LOGGER.info(line("authenticate", name, "client", client, "outcome", outcome));
    }

    private static String line(String action, String principal, String... pairs) {
        StringBuilder line = new StringBuilder("action=").append(action).append(" principal=").append(quote(principal));
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            line.append(' ').append(pairs[i]).append('=').append(quote(pairs[i + 1]));
        }
        return line.toString();
    }

    private static String quote(String value) {
        String safe = value == null ? "" : value.replaceAll("[\\p{Cntrl}\"\\\\]", "?");
        return "\"" + (safe.length() > 300 ? safe.substring(0, 300) + "..." : safe) + "\"";
    }
}
