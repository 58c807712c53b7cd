package dev.depscan.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The configured users ({@code depscan.auth.users}, {@code name:password,...}) and API keys
 * ({@code depscan.auth.api-keys}, {@code name:key,...}).
 *
 * <p>Only SHA-256 digests are kept in memory. Checks compare digests with {@link MessageDigest#isEqual}, which takes
 * the same time wherever the inputs differ, and always compare against something, so neither a wrong password nor
 * an unknown user name answers faster. With no users and no keys configured there are no default credentials: a
 * random password is generated for user {@value #GENERATED_USER} and logged once at start-up.
 */
@ApplicationScoped
public class Credentials {

    static final String GENERATED_USER = "admin";
    private static final Logger LOGGER = Logger.getLogger(Credentials.class.getName());
    private static final byte[] NO_MATCH = sha256("depscan: no such user " + System.nanoTime());

    private final Map<String, byte[]> passwordDigests;
    private final Map<String, byte[]> keyDigests;

    @Inject
    Credentials(@ConfigProperty(name = "depscan.auth.users") Optional<String> users,
                @ConfigProperty(name = "depscan.auth.api-keys") Optional<String> apiKeys) {
        this.passwordDigests = digests(users.orElse(""), "depscan.auth.users");
        this.keyDigests = digests(apiKeys.orElse(""), "depscan.auth.api-keys");
        if (passwordDigests.isEmpty() && keyDigests.isEmpty()) {
            String password = randomPassword();
            passwordDigests.put(GENERATED_USER, sha256(password));
            LOGGER.warning("No users configured (depscan.auth.users); generated password for user '" + GENERATED_USER
                           + "': " + password);
        }
    }

    /** Creates the bean at start-up, so a generated password is logged before the first request. */
    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
        LOGGER.fine(() -> passwordDigests.size() + " users and " + keyDigests.size() + " API keys configured");
    }

    /** The user name, when {@code password} is that user's password. */
    public Optional<String> user(String name, String password) {
        byte[] expected = passwordDigests.getOrDefault(name, NO_MATCH);
        boolean matches = MessageDigest.isEqual(expected, sha256(password));
        return matches && passwordDigests.containsKey(name) ? Optional.of(name) : Optional.empty();
    }

    /** The key's name, when {@code key} is a configured API key. */
    public Optional<String> apiKey(String key) {
        byte[] presented = sha256(key);
        Optional<String> found = Optional.empty();
        for (Map.Entry<String, byte[]> entry : keyDigests.entrySet()) {
            if (MessageDigest.isEqual(entry.getValue(), presented) && found.isEmpty()) {
                found = Optional.of(entry.getKey());
            }
        }
        return found;
    }

    private static Map<String, byte[]> digests(String pairs, String key) {
        Map<String, byte[]> digests = new LinkedHashMap<>();
        for (String pair : pairs.split(",")) {
            String trimmed = pair.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0 || colon == trimmed.length() - 1) {
                throw new IllegalStateException(key + " must be a comma-separated list of name:secret pairs");
            }
            digests.put(trimmed.substring(0, colon), sha256(trimmed.substring(colon + 1)));
        }
        return digests;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
