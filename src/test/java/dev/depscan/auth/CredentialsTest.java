package dev.depscan.auth;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CredentialsTest {

    private static final int FAST = 1_000;

    @Test
    void acceptsOnlyTheRightPasswordOfTheRightUser() {
        Credentials credentials = credentials("alice:s3cret, bob:pa:ss", null, null);

        assertThat(name(credentials.user("alice", "s3cret")), is("alice"));
        assertThat(name(credentials.user("alice", "s3cret")), is("alice"));
        assertThat(name(credentials.user("bob", "pa:ss")), is("bob"));
        assertThat(credentials.user("alice", "pa:ss"), is(Optional.empty()));
        assertThat(credentials.user("alice", "s3cret "), is(Optional.empty()));
        assertThat(credentials.user("carol", "s3cret"), is(Optional.empty()));
        assertThat(credentials.user("", ""), is(Optional.empty()));
    }

    @Test
    void acceptsOnlyConfiguredApiKeys() {
        Credentials credentials = credentials(null, "ci:key-one,deploy:key-two", null);

        assertThat(name(credentials.apiKey("key-two")), is("deploy"));
        assertThat(name(credentials.apiKey("key-one")), is("ci"));
        assertThat(credentials.apiKey("key-three"), is(Optional.empty()));
        assertThat("keys do not double as passwords", credentials.user("ci", "key-one"), is(Optional.empty()));
    }

    @Test
    void givesEachPrincipalItsConfiguredRolesAndScannerByDefault() {
        Credentials credentials = credentials("alice:a,bob:b,root:r", "ci:k", "bob:reader, root:admin+reader, ci:scanner");

        assertThat(credentials.user("alice", "a").orElseThrow().roles(), is(Set.of(Role.SCANNER)));
        assertThat(credentials.user("bob", "b").orElseThrow().roles(), is(Set.of(Role.READER)));
        assertThat(credentials.user("root", "r").orElseThrow().roles(), is(Set.of(Role.ADMIN, Role.READER)));
        assertThat(credentials.apiKey("k").orElseThrow().roles(), is(Set.of(Role.SCANNER)));
    }

    @Test
    void acceptsAPasswordConfiguredAlreadyHashed() {
        String hashed = Credentials.PasswordHash.of("correct horse", 2_000).format();
        Credentials credentials = credentials("alice:" + hashed, null, null);

        assertThat(hashed, containsString("pbkdf2-sha256$2000$"));
        assertThat(name(credentials.user("alice", "correct horse")), is("alice"));
        assertThat(credentials.user("alice", hashed), is(Optional.empty()));
    }

    @Test
    void storesPasswordsAsSaltedHashes() {
        Credentials.PasswordHash one = Credentials.PasswordHash.of("same", FAST);
        Credentials.PasswordHash two = Credentials.PasswordHash.of("same", FAST);

        assertThat("salted: the same password hashes differently", one.equals(two), is(false));
        assertThat(one.matches("same") && two.matches("same"), is(true));
        assertThat(one.toString(), not(containsString("same")));
    }

    @Test
    void generatesAndLogsOnceARandomAdminPasswordWhenNothingIsConfigured() {
        var logged = new java.util.ArrayList<String>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(Credentials.class.getName());
        logger.addHandler(capture);
        try {
            Credentials first = credentials(null, null, null);
            Credentials second = credentials(null, null, null);

            assertThat(logged, hasSize(2));
            String password = logged.getFirst().substring(logged.getFirst().lastIndexOf(' ') + 1);
            String otherPassword = logged.get(1).substring(logged.get(1).lastIndexOf(' ') + 1);
            assertThat(password.length() >= 20, is(true));
            assertThat(password, not(otherPassword));
            assertThat(first.user(Credentials.GENERATED_USER, password).orElseThrow().roles(), is(Set.of(Role.ADMIN)));
            assertThat(second.user(Credentials.GENERATED_USER, password), is(Optional.empty()));
            assertThat(first.user(Credentials.GENERATED_USER, ""), is(Optional.empty()));
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void generatesNoPasswordWhenOnlyApiKeysAreConfigured() {
        Credentials credentials = credentials(null, "ci:k", null);

        assertThat(credentials.user(Credentials.GENERATED_USER, ""), is(Optional.empty()));
    }

    @Test
    void refusesMalformedUserKeyAndRoleLists() {
        assertThrows(IllegalStateException.class, () -> credentials("alice", null, null));
        assertThrows(IllegalStateException.class, () -> credentials(":pw", null, null));
        assertThrows(IllegalStateException.class, () -> credentials(null, "ci:", null));
        assertThrows(IllegalStateException.class, () -> credentials("alice:pw", null, "alice:root"));
        assertThrows(IllegalStateException.class, () -> credentials("alice:pbkdf2-sha256$x$y", null, null));
    }

    private static Credentials credentials(String users, String keys, String roles) {
        return new Credentials(Optional.ofNullable(users), Optional.ofNullable(keys), Optional.ofNullable(roles), FAST);
    }

    private static String name(Optional<Credentials.Principal> principal) {
        return principal.orElseThrow().name();
    }
}
