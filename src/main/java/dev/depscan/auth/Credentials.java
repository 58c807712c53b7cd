package dev.depscan.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The configured users ({@code depscan.auth.users}, {@code name:password,...}), API keys
 * ({@code depscan.auth.api-keys}, {@code name:key,...}) and their roles ({@code depscan.auth.roles},
 * {@code name:role+role,...}; a principal without an entry is a {@code scanner}).
 *
 * <p>Secrets are never kept in memory as given. Passwords, which people choose, are stored as salted PBKDF2-SHA256
 * hashes ({@code depscan.auth.password-hash-iterations}); a password may also be configured already hashed, as
 * {@code pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>}, so no clear password needs to be in the Secret at all.
 * API keys, which machines generate with high entropy, are stored as SHA-256 digests. Comparisons use
 * {@link MessageDigest#isEqual} and always run against something, so an unknown name answers no faster than a wrong
 * password. To keep the slow hash off every request, a successful Basic check is remembered by the SHA-256 digest of
 * the presented credentials; a wrong password always pays the full hash.
 *
 * <p>With no users and no keys configured there are no default credentials: a random password is generated for user
 * {@value #GENERATED_USER} (role {@code admin}) and logged once at start-up.
 */
@ApplicationScoped
public class Credentials {

    static final String GENERATED_USER = "admin";
    private static final Logger LOGGER = Logger.getLogger(Credentials.class.getName());
    private static final String HASHED_PREFIX = "pbkdf2-sha256$";
    private static final int MAX_REMEMBERED = 10_000;

    private final int iterations;
    private final Map<String, PasswordHash> passwords;
    private final Map<String, byte[]> keyDigests;
    private final Map<String, Set<Role>> roles;
    private final PasswordHash noSuchUser;
    private final Map<String, String> verified = new ConcurrentHashMap<>();

    /** An authenticated principal and its roles. */
    public record Principal(String name, Set<Role> roles) {

        public Principal {
            roles = Set.copyOf(roles);
        }
    }

    @Inject
    Credentials(@ConfigProperty(name = "depscan.auth.users") Optional<String> users,
                @ConfigProperty(name = "depscan.auth.api-keys") Optional<String> apiKeys,
                @ConfigProperty(name = "depscan.auth.roles") Optional<String> roles,
                @ConfigProperty(name = "depscan.auth.password-hash-iterations", defaultValue = "100000")
                int iterations) {
        if (iterations < 1) {
            throw new IllegalStateException("depscan.auth.password-hash-iterations must be positive");
        }
        this.iterations = iterations;
        this.passwords = new LinkedHashMap<>();
        pairs(users.orElse(""), "depscan.auth.users").forEach((name, secret) -> passwords.put(name, hashed(secret)));
        this.keyDigests = new LinkedHashMap<>();
        pairs(apiKeys.orElse(""), "depscan.auth.api-keys").forEach((name, key) -> keyDigests.put(name, sha256(key)));
        this.roles = new LinkedHashMap<>();
        pairs(roles.orElse(""), "depscan.auth.roles").forEach((name, list) -> this.roles.put(name, parseRoles(list)));
        this.noSuchUser = PasswordHash.of(randomPassword(), iterations);
        if (passwords.isEmpty() && keyDigests.isEmpty()) {
            String password = randomPassword();
            passwords.put(GENERATED_USER, PasswordHash.of(password, iterations));
            this.roles.putIfAbsent(GENERATED_USER, EnumSet.of(Role.ADMIN));
            LOGGER.warning("No users configured (depscan.auth.users); generated password for user '" + GENERATED_USER
                           + "': " + password);
        }
    }

    /** Creates the bean at start-up, so a generated password is logged before the first request. */
    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
        LOGGER.fine(() -> passwords.size() + " users and " + keyDigests.size() + " API keys configured");
    }

    /** The user, when {@code password} is that user's password. */
    public Optional<Principal> user(String name, String password) {
        String presented = HexFormat.of().formatHex(sha256(name + "\u0000" + password));
        if (name.equals(verified.get(presented)) && passwords.containsKey(name)) {
            return Optional.of(principal(name));
        }
        PasswordHash expected = passwords.getOrDefault(name, noSuchUser);
        boolean matches = expected.matches(password) && passwords.containsKey(name);
        if (!matches) {
            return Optional.empty();
        }
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear();
        }
        verified.put(presented, name);
        return Optional.of(principal(name));
    }

    /** The key's principal, when {@code key} is a configured API key. */
    public Optional<Principal> apiKey(String key) {
        byte[] presented = sha256(key);
        Optional<String> found = Optional.empty();
        for (Map.Entry<String, byte[]> entry : keyDigests.entrySet()) {
            if (MessageDigest.isEqual(entry.getValue(), presented) && found.isEmpty()) {
                found = Optional.of(entry.getKey());
            }
        }
        return found.map(this::principal);
    }

    private Principal principal(String name) {
        return new Principal(name, roles.getOrDefault(name, EnumSet.of(Role.SCANNER)));
    }

    private PasswordHash hashed(String secret) {
        return secret.startsWith(HASHED_PREFIX) ? PasswordHash.parse(secret) : PasswordHash.of(secret, iterations);
    }

    private static Set<Role> parseRoles(String list) {
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        for (String id : list.split("\\+")) {
            parsed.add(Role.of(id.strip()).orElseThrow(() -> new IllegalStateException(
                    "depscan.auth.roles: unknown role '" + id.strip() + "' (scanner, reader, admin)")));
        }
        return parsed;
    }

    private static Map<String, String> pairs(String text, String key) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            String trimmed = pair.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0 || colon == trimmed.length() - 1) {
                throw new IllegalStateException(key + " must be a comma-separated list of name:value pairs");
            }
            pairs.put(trimmed.substring(0, colon), trimmed.substring(colon + 1));
        }
        return pairs;
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

    /** A salted PBKDF2-SHA256 password hash. */
    record PasswordHash(int iterations, byte[] salt, byte[] hash) {

        static PasswordHash of(String password, int iterations) {
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            return new PasswordHash(iterations, salt, derive(password, salt, iterations));
        }

        /** {@code pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>}. */
        static PasswordHash parse(String text) {
            String[] parts = text.split("\\$");
            try {
                if (parts.length != 4) {
                    throw new IllegalArgumentException("four '$'-separated parts expected");
                }
                return new PasswordHash(Integer.parseInt(parts[1]), HexFormat.of().parseHex(parts[2]),
                                        HexFormat.of().parseHex(parts[3]));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("depscan.auth.users: a hashed password must read "
                                                + "pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>", e);
            }
        }

        boolean matches(String password) {
            return MessageDigest.isEqual(hash, derive(password, salt, iterations));
        }

        String format() {
            return HASHED_PREFIX + iterations + "$" + HexFormat.of().formatHex(salt) + "$"
                   + HexFormat.of().formatHex(hash);
        }

        private static byte[] derive(String password, byte[] salt, int iterations) {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
            } finally {
                spec.clearPassword();
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PasswordHash that && iterations == that.iterations
                   && Arrays.equals(salt, that.salt) && Arrays.equals(hash, that.hash);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(salt) + Arrays.hashCode(hash);
        }

        @Override
        public String toString() {
            return "PasswordHash[iterations=" + iterations + "]";
        }
    }
}
