package dev.depscan.git;

import dev.depscan.git.UrlRejectedException.Reason;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class UrlPolicyTest {

    /** Fake DNS: tests never resolve real names. */
    private static final Map<String, List<String>> DNS = Map.of(
            "github.com", List.of("140.82.112.3"),
            "gitlab.com", List.of("172.65.251.78"),
            "git.example.com", List.of("93.184.215.14"),
            "a.b.example.com", List.of("93.184.215.15"),
            "public.example.org", List.of("93.184.215.16", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"),
            "internal.example.org", List.of("10.0.0.5"),
            "rebind.example.org", List.of("93.184.215.17", "127.0.0.1"),
            "metadata.example.org", List.of("169.254.169.254"),
            "v6-private.example.org", List.of("fd00:ec2::254"));

    private static List<InetAddress> resolve(String host) throws UnknownHostException {
        List<String> addresses = DNS.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        return addresses.stream().map(UrlPolicyTest::literal).toList();
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The service's typical configuration: https only, known forges, no private addresses. */
    private static final UrlPolicy FORGES = new UrlPolicy(
            new UrlPolicy.Settings(List.of("github.com", "GitLab.com", "*.example.com"), false, false), UrlPolicyTest::resolve);

    /** Any host over http or https, but nothing private: isolates the address checks from the allowlist. */
    private static final UrlPolicy ANY_PUBLIC = new UrlPolicy(
            new UrlPolicy.Settings(List.of("*"), true, false), UrlPolicyTest::resolve);

    /** What tests use to reach the local smart-HTTP server. */
    private static final UrlPolicy LOOPBACK = new UrlPolicy(
            new UrlPolicy.Settings(List.of("127.0.0.1"), true, true), host -> {
                throw new AssertionError("must not resolve " + host);
            });

    static Stream<Arguments> acceptedUrls() {
        return Stream.of(
                arguments(FORGES, "https://github.com/owner/repo", "https://github.com/owner/repo"),
                arguments(FORGES, "https://github.com/owner/repo.git", "https://github.com/owner/repo"),
                arguments(FORGES, "https://github.com/owner/repo/", "https://github.com/owner/repo"),
                arguments(FORGES, "https://github.com/owner/repo.git/", "https://github.com/owner/repo"),
                arguments(FORGES, "HTTPS://GitHub.COM/Owner/Repo.git", "https://github.com/Owner/Repo"),
                arguments(FORGES, "https://github.com:443/owner/repo", "https://github.com/owner/repo"),
                arguments(FORGES, "https://github.com:8443/owner/repo", "https://github.com:8443/owner/repo"),
                arguments(FORGES, "https://gitlab.com/group/sub/repo.git", "https://gitlab.com/group/sub/repo"),
                arguments(FORGES, "https://git.example.com/team/repo", "https://git.example.com/team/repo"),
                arguments(FORGES, "https://a.b.example.com/repo.git", "https://a.b.example.com/repo"),
                arguments(FORGES, "https://github.com/owner/repo%20name", "https://github.com/owner/repo%20name"),
                arguments(ANY_PUBLIC, "http://public.example.org/x/y.git", "http://public.example.org/x/y"),
                arguments(ANY_PUBLIC, "http://8.8.8.8/repo", "http://8.8.8.8/repo"),
                arguments(ANY_PUBLIC, "http://0x08080808/repo", "http://8.8.8.8/repo"),
                arguments(ANY_PUBLIC, "http://134744072/repo", "http://8.8.8.8/repo"),
                arguments(ANY_PUBLIC, "https://[2606:4700::1111]/repo", "https://[2606:4700::1111]/repo"),
                arguments(LOOPBACK, "http://127.0.0.1:8080/repo.git", "http://127.0.0.1:8080/repo"),
                arguments(LOOPBACK, "http://2130706433:8080/repo.git", "http://127.0.0.1:8080/repo"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("acceptedUrls")
    void acceptsAndNormalizes(UrlPolicy policy, String url, String normalized) {
        RepositoryUrl accepted = policy.check(url);

        assertThat(accepted.normalized(), is(normalized));
        assertThat(accepted.uri().getHost(), is(not((String) null)));
        assertThat(accepted.uri().getUserInfo(), is((String) null));
    }

    static Stream<Arguments> invalidUrls() {
        return Stream.of(
                arguments("git@github.com:owner/repo.git", "scp-style"),
                arguments("github.com:owner/repo", "scp-style"),
                arguments("ssh://git@github.com/owner/repo.git", "'ssh' is not supported"),
                arguments("ssh://github.com/owner/repo.git", "'ssh' is not supported"),
                arguments("git://github.com/owner/repo.git", "'git' is not supported"),
                arguments("ftp://github.com/owner/repo.git", "'ftp' is not supported"),
                arguments("file:///etc/passwd", "'file' is not supported"),
                arguments("file:/tmp/repo", "only https://"),
                arguments("/tmp/repo.git", "not an absolute"),
                arguments("github.com/owner/repo", "not an absolute"),
                arguments("ext::sh%20-c%20id", "transport helper"),
                arguments("https::github.com/o/r", "transport helper"),
                arguments("-uhttps://github.com/a/b", "option"),
                arguments("--upload-pack=touch%20/tmp/x", "option"),
                arguments("https://user:secret@github.com/owner/repo", "credentials"),
                arguments("https://ghp_token123@github.com/owner/repo", "credentials"),
                arguments("https://github.com/owner/repo?private_token=abc", "query"),
                arguments("https://github.com/owner/repo?", "query"),
                arguments("https://github.com/owner/repo#readme", "fragment"),
                arguments("https://github.com/owner/repo\n", "control"),
                arguments("https://github.com/own er/repo", "whitespace"),
                arguments(" https://github.com/owner/repo", "whitespace"),
                arguments("https://github.com/owner/repo\t", "whitespace"),
                arguments("https://github.com/\u0000x", "control"),
                arguments("https://github.com/\u001b[31m", "control"),
                arguments("https://github.com/" + "a".repeat(2100), "longer than 2048"),
                arguments("", "empty"),
                arguments("https://github.com", "no repository path"),
                arguments("https://github.com/", "no repository path"),
                arguments("https://github.com/.git", "no repository path"),
                arguments("https:///owner/repo", "no host"),
                arguments("https://github.com/owner/../repo", "'..'"),
                arguments("https://github.com/owner/%2e%2E/repo", "'..'"),
                arguments("https://github.com/owner/./repo", "'.'"),
                arguments("https://github.com//owner//repo", "empty"),
                arguments("https://github.com/owner%2Frepo", "encoded slash"),
                arguments("https://github.com/owner%5crepo", "encoded slash"),
                arguments("https://github.com/owner\\repo", "not a valid URL"),
                arguments("https://github.com:99999/o/r", "invalid port"),
                arguments("https://github.com:0/o/r", "invalid port"),
                arguments("https://github.com:x/o/r", "invalid port"),
                arguments("https://git_hub.com/o/r", "invalid host name"),
                arguments("https://-github.com/o/r", "invalid host name"),
                arguments("https://github.com./o/r", "dot"),
                arguments("https://b\u00fccher.example.com/o/r", "non-ASCII"),
                arguments("https://1.2.3.999999999/x", "invalid IPv4"),
                arguments("https://1.2.3.4.5/x", "invalid IPv4"),
                arguments("https://09.1.1.1/x", "invalid IPv4"),
                arguments("https://[::1%25eth0]/x", "invalid IPv6"),
                arguments("https://[fe80::1/x", "not a valid URL"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidUrls")
    void rejectsAsInvalid(String url, String why) {
        UrlRejectedException e = assertThrows(UrlRejectedException.class, () -> FORGES.check(url));

        assertThat(e.getMessage(), e.reason(), is(Reason.INVALID_GIT_URL));
        assertThat(e.getMessage(), containsString(why));
    }

    static Stream<Arguments> forbiddenUrls() {
        return Stream.of(
                arguments(FORGES, "https://bitbucket.org/o/r", "not in the list"),
                arguments(FORGES, "https://example.com/o/r", "not in the list"),
                arguments(FORGES, "https://evil-example.com/o/r", "not in the list"),
                arguments(FORGES, "https://example.com.evil.org/o/r", "not in the list"),
                arguments(FORGES, "https://github.com.evil.org/o/r", "not in the list"),
                arguments(FORGES, "https://140.82.112.3/o/r", "not in the list"),
                arguments(FORGES, "http://github.com/o/r", "http://"),
                arguments(FORGES, "https://localhost/o/r", "not in the list"),
                arguments(ANY_PUBLIC, "http://127.0.0.1/r", "loopback"),
                arguments(ANY_PUBLIC, "http://127.0.0.1:8080/r", "loopback"),
                arguments(ANY_PUBLIC, "http://2130706433/r", "loopback"),
                arguments(ANY_PUBLIC, "http://0x7f000001/r", "loopback"),
                arguments(ANY_PUBLIC, "http://0X7F.0.0.1/r", "loopback"),
                arguments(ANY_PUBLIC, "http://0177.0.0.1/r", "loopback"),
                arguments(ANY_PUBLIC, "http://017700000001/r", "loopback"),
                arguments(ANY_PUBLIC, "http://127.1/r", "loopback"),
                arguments(ANY_PUBLIC, "http://0x7f.1/r", "loopback"),
                arguments(ANY_PUBLIC, "http://0/r", "unspecified"),
                arguments(ANY_PUBLIC, "http://0.0.0.0/r", "unspecified"),
                arguments(ANY_PUBLIC, "http://[::1]/r", "loopback"),
                arguments(ANY_PUBLIC, "http://[0:0:0:0:0:0:0:1]/r", "loopback"),
                arguments(ANY_PUBLIC, "http://[::]/r", "unspecified"),
                arguments(ANY_PUBLIC, "http://[::ffff:127.0.0.1]/r", "IPv4-mapped"),
                arguments(ANY_PUBLIC, "http://[::ffff:7f00:1]/r", "IPv4-mapped"),
                arguments(ANY_PUBLIC, "http://[::ffff:8.8.8.8]/r", "IPv4-mapped"),
                arguments(ANY_PUBLIC, "http://[::127.0.0.1]/r", "IPv4-compatible"),
                arguments(ANY_PUBLIC, "http://[64:ff9b::a00:1]/r", "NAT64"),
                arguments(ANY_PUBLIC, "http://[2002:7f00:1::]/r", "6to4 loopback"),
                arguments(ANY_PUBLIC, "http://169.254.169.254/latest/meta-data", "cloud metadata"),
                arguments(ANY_PUBLIC, "http://2852039166/latest", "cloud metadata"),
                arguments(ANY_PUBLIC, "http://169.254.1.1/r", "link-local"),
                arguments(ANY_PUBLIC, "http://10.0.0.1/r", "private"),
                arguments(ANY_PUBLIC, "http://172.16.5.4/r", "private"),
                arguments(ANY_PUBLIC, "http://172.31.255.255/r", "private"),
                arguments(ANY_PUBLIC, "http://192.168.1.1/r", "private"),
                arguments(ANY_PUBLIC, "http://100.64.0.1/r", "CGNAT"),
                arguments(ANY_PUBLIC, "http://100.100.100.200/r", "CGNAT"),
                arguments(ANY_PUBLIC, "http://224.0.0.1/r", "multicast"),
                arguments(ANY_PUBLIC, "http://255.255.255.255/r", "reserved"),
                arguments(ANY_PUBLIC, "http://[fd00:ec2::254]/r", "unique-local"),
                arguments(ANY_PUBLIC, "http://[fe80::1]/r", "link-local"),
                arguments(ANY_PUBLIC, "http://[ff02::1]/r", "multicast"),
                arguments(ANY_PUBLIC, "http://localhost/r", "local or internal"),
                arguments(ANY_PUBLIC, "http://foo.localhost/r", "local or internal"),
                arguments(ANY_PUBLIC, "http://metadata.google.internal/r", "local or internal"),
                arguments(ANY_PUBLIC, "http://internal.example.org/r", "resolves to a private"),
                arguments(ANY_PUBLIC, "http://rebind.example.org/r", "resolves to a loopback"),
                arguments(ANY_PUBLIC, "http://metadata.example.org/r", "resolves to a cloud metadata"),
                arguments(ANY_PUBLIC, "http://v6-private.example.org/r", "resolves to a unique-local"),
                arguments(ANY_PUBLIC, "http://nx.example.org/r", "could not be resolved"),
                arguments(LOOPBACK, "http://localhost:8080/repo.git", "not in the list"),
                arguments(LOOPBACK, "http://127.0.0.2:8080/repo.git", "not in the list"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("forbiddenUrls")
    void rejectsAsNotAllowed(UrlPolicy policy, String url, String why) {
        UrlRejectedException e = assertThrows(UrlRejectedException.class, () -> policy.check(url));

        assertThat(e.getMessage(), e.reason(), is(Reason.URL_NOT_ALLOWED));
        assertThat(e.getMessage(), containsString(why));
    }

    @Test
    void allowsPrivateAddressesOnlyWhenConfigured() {
        UrlPolicy open = new UrlPolicy(new UrlPolicy.Settings(List.of("*"), true, true), UrlPolicyTest::resolve);

        assertThat(open.check("http://10.1.2.3/r").normalized(), is("http://10.1.2.3/r"));
        assertThat(open.check("http://internal.example.org/r").normalized(), is("http://internal.example.org/r"));
    }

    @Test
    void fetchesTheCanonicalAddressThatWasChecked() {
        RepositoryUrl url = ANY_PUBLIC.check("http://0x08.0x08.0x08.0x08:8080/repo.git");

        assertThat(url.uri().toString(), is("http://8.8.8.8:8080/repo.git"));
    }

    @Test
    void keepsTheRepositoryPathButDropsTheTrailingSlashInTheFetchUri() {
        RepositoryUrl url = FORGES.check("HTTPS://GitHub.com/Owner/Repo.git/");

        assertThat(url.uri().toString(), is("https://github.com/Owner/Repo.git"));
    }

    @Test
    void neverEchoesCredentialsOrQueries() {
        UrlRejectedException credentials = assertThrows(UrlRejectedException.class,
                () -> FORGES.check("https://alice:s3cr3t@github.com/owner/repo"));
        UrlRejectedException slashInPassword = assertThrows(UrlRejectedException.class,
                () -> FORGES.check("https://alice:s3/cr3t@github.com/owner/repo"));
        UrlRejectedException query = assertThrows(UrlRejectedException.class,
                () -> FORGES.check("https://github.com/owner/repo?access_token=s3cr3t"));

        assertThat(credentials.getMessage(), not(containsString("s3cr3t")));
        assertThat(credentials.getMessage(), not(containsString("alice")));
        assertThat(credentials.getMessage(), containsString("github.com/owner/repo"));
        assertThat(slashInPassword.getMessage(), not(containsString("cr3t")));
        assertThat(query.getMessage(), not(containsString("s3cr3t")));
    }

    @Test
    void boundsTheEchoOfAVeryLongUrl() {
        UrlRejectedException e = assertThrows(UrlRejectedException.class,
                () -> FORGES.check("https://github.com/" + "a".repeat(5000)));

        assertThat(e.getMessage().length() < 300, is(true));
    }

    @Test
    void honoursAConfiguredMaximumLength() {
        UrlPolicy strict = new UrlPolicy(new UrlPolicy.Settings(List.of("github.com"), false, false, 30),
                UrlPolicyTest::resolve);

        assertThat(strict.check("https://github.com/a/b").normalized(), is("https://github.com/a/b"));
        UrlRejectedException e = assertThrows(UrlRejectedException.class,
                () -> strict.check("https://github.com/owner/long-repository"));
        assertThat(e.reason(), is(Reason.INVALID_GIT_URL));
    }

    @Test
    void doesNotResolveHostsOutsideTheAllowlist() {
        AtomicInteger lookups = new AtomicInteger();
        UrlPolicy policy = new UrlPolicy(new UrlPolicy.Settings(List.of("github.com"), false, false), host -> {
            lookups.incrementAndGet();
            return resolve(host);
        });

        assertThrows(UrlRejectedException.class, () -> policy.check("https://attacker-controlled.example.net/o/r"));
        policy.check("https://github.com/o/r");

        assertThat(lookups.get(), is(1));
    }

    @Test
    void matchesIpv6AllowlistEntriesByAddress() {
        UrlPolicy policy = new UrlPolicy(new UrlPolicy.Settings(List.of("::1"), true, true), UrlPolicyTest::resolve);

        assertThat(policy.check("http://[0:0::1]:9000/r.git").normalized(), is("http://[0:0::1]:9000/r"));
    }

    @Test
    void emptyAllowlistAllowsNothing() {
        UrlPolicy closed = new UrlPolicy(new UrlPolicy.Settings(List.of(), false, false), UrlPolicyTest::resolve);

        UrlRejectedException e = assertThrows(UrlRejectedException.class, () -> closed.check("https://github.com/o/r"));
        assertThat(e.reason(), is(Reason.URL_NOT_ALLOWED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "github.com:443", "*.", "*github.com", "https://github.com", "git hub.com", "*.10.0.0.1",
        "[::1]:80"})
    void refusesMalformedAllowlistEntries(String entry) {
        assertThrows(IllegalArgumentException.class, () -> new UrlPolicy.Settings(List.of(entry), false, false));
    }

    @Test
    void normalizesAllowlistEntries() {
        UrlPolicy.Settings settings = new UrlPolicy.Settings(List.of(" GitHub.com ", "*.Example.COM", "0x7f.1"), false, false);

        assertThat(settings.allowedHosts(), is(List.of("github.com", "*.example.com", "127.0.0.1")));
    }

    @Test
    void parsesIpv4LikeInetAton() {
        assertThat(UrlPolicy.parseIpv4("1.2.3.4").map(b -> List.of(b[0], b[1], b[2], b[3])).orElseThrow(),
                is(List.of((byte) 1, (byte) 2, (byte) 3, (byte) 4)));
        assertThat(UrlPolicy.parseIpv4("1.2.772").orElseThrow()[2], is((byte) 3));
        assertThat(UrlPolicy.parseIpv4("1.2.3.256").isPresent(), is(false));
        assertThat(UrlPolicy.parseIpv4("1.16777216").isPresent(), is(false));
        assertThat(UrlPolicy.parseIpv4("4294967296").isPresent(), is(false));
        assertThat(UrlPolicy.parseIpv4("0xffffffff").orElseThrow()[3], is((byte) 0xff));
    }
}
