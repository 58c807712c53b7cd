package dev.depscan.auth;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CredentialsTest {

    @Test
    void acceptsOnlyTheRightPasswordOfTheRightUser() {
        Credentials credentials = new Credentials(Optional.of("alice:s3cret, bob:pa:ss"), Optional.empty());

        assertThat(credentials.user("alice", "s3cret"), is(Optional.of("alice")));
        assertThat(credentials.user("bob", "pa:ss"), is(Optional.of("bob")));
        assertThat(credentials.user("alice", "pa:ss"), is(Optional.empty()));
        assertThat(credentials.user("alice", "s3cret "), is(Optional.empty()));
        assertThat(credentials.user("carol", "s3cret"), is(Optional.empty()));
        assertThat(credentials.user("", ""), is(Optional.empty()));
    }

    @Test
    void acceptsOnlyConfiguredApiKeys() {
        Credentials credentials = new Credentials(Optional.empty(), Optional.of("ci:key-one,deploy:key-two"));

        assertThat(credentials.apiKey("key-two"), is(Optional.of("deploy")));
        assertThat(credentials.apiKey("key-one"), is(Optional.of("ci")));
        assertThat(credentials.apiKey("key-three"), is(Optional.empty()));
        assertThat("keys do not double as passwords", credentials.user("ci", "key-one"), is(Optional.empty()));
    }

    @Test
    void generatesAndLogsOnceARandomPasswordWhenNothingIsConfigured() {
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
            Credentials first = new Credentials(Optional.empty(), Optional.empty());
            Credentials second = new Credentials(Optional.empty(), Optional.empty());

            assertThat(logged, hasSize(2));
            String password = logged.getFirst().substring(logged.getFirst().lastIndexOf(' ') + 1);
            String otherPassword = logged.get(1).substring(logged.get(1).lastIndexOf(' ') + 1);
            assertThat(password.length() >= 20, is(true));
            assertThat(password, not(otherPassword));
            assertThat(first.user(Credentials.GENERATED_USER, password), is(Optional.of("admin")));
            assertThat(second.user(Credentials.GENERATED_USER, password), is(Optional.empty()));
            assertThat(first.user(Credentials.GENERATED_USER, ""), is(Optional.empty()));
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void generatesNoPasswordWhenOnlyApiKeysAreConfigured() {
        Credentials credentials = new Credentials(Optional.empty(), Optional.of("ci:k"));

        assertThat(credentials.user(Credentials.GENERATED_USER, ""), is(Optional.empty()));
    }

    @Test
    void refusesMalformedUserLists() {
        assertThrows(IllegalStateException.class, () -> new Credentials(Optional.of("alice"), Optional.empty()));
        assertThrows(IllegalStateException.class, () -> new Credentials(Optional.of(":pw"), Optional.empty()));
        assertThrows(IllegalStateException.class, () -> new Credentials(Optional.empty(), Optional.of("ci:")));
    }
}
