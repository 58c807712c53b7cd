package dev.depscan.git;

import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Access tokens for private repositories, one per host ({@code depscan.git.tokens}, e.g. from a Kubernetes Secret):
 * {@code github.com=ghp_...,gitlab.example.com=oauth2:glpat-...}. A token is offered only to its exact host
 * (case-insensitive), as the password of HTTP Basic with the user given before a {@code :} or
 * {@code x-access-token}. Tokens never appear in a job, a response, a log line or {@link #toString()}.
 */
public final class HostTokens {

    /** No tokens: only public repositories. */
    public static final HostTokens NONE = new HostTokens(Map.of());

    private static final String DEFAULT_USER = "x-access-token";

    private final Map<String, Credential> byHost;

    private record Credential(String user, String token) {
    }

    private HostTokens(Map<String, Credential> byHost) {
        this.byHost = Map.copyOf(byHost);
    }

    /** Parses {@code host=token} or {@code host=user:token} pairs separated by commas. */
    public static HostTokens parse(String text) {
        Objects.requireNonNull(text, "text");
        Map<String, Credential> byHost = new java.util.HashMap<>();
        for (String pair : text.split(",")) {
            String entry = pair.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals <= 0 || equals == entry.length() - 1) {
                throw new IllegalStateException("depscan.git.tokens must be a comma-separated list of host=token pairs");
            }
            String host = entry.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String secret = entry.substring(equals + 1).strip();
            int colon = secret.indexOf(':');
            byHost.put(host, colon > 0 ? new Credential(secret.substring(0, colon), secret.substring(colon + 1))
                    : new Credential(DEFAULT_USER, secret));
        }
        return new HostTokens(byHost);
    }

    /** The credentials for the host of {@code uri}; none (null, as JGit expects) for any other host. */
    CredentialsProvider credentialsFor(URI uri) {
        Optional<Credential> credential = Optional.ofNullable(uri.getHost())
                .map(h -> h.toLowerCase(Locale.ROOT)).map(byHost::get);
        return credential.<CredentialsProvider>map(c -> new UsernamePasswordCredentialsProvider(c.user(), c.token()))
                .orElse(null);
    }

    /** How many hosts have a token; never the tokens. */
    public int size() {
        return byHost.size();
    }

    @Override
    public String toString() {
        return "HostTokens[" + byHost.keySet() + "]";
    }
}
