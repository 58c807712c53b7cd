package dev.depscan.git;

import dev.depscan.git.UrlRejectedException.Reason;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which Git URLs this service may fetch, before anything touches the network.
 *
 * <p>Only {@code https://} URLs (and {@code http://} when enabled) without credentials, query or fragment are
 * accepted: every other form Git understands ({@code ssh://}, scp-style {@code git@host:path}, {@code file:}, local
 * paths, {@code ext::} transport helpers, option-looking {@code -u...}) is refused, because each can run commands,
 * read local files or leak secrets. The host must match the allowlist, and unless private addresses are allowed it
 * must neither be nor resolve to a loopback, private, link-local, shared (CGNAT), multicast, reserved or metadata
 * address. IPv4 literals are parsed the way browsers and {@code inet_aton} do ({@code 2130706433}, {@code 0x7f.1},
 * {@code 0177.0.0.1} are all 127.0.0.1), so no notation slips through, and the accepted URI carries the canonical
 * dotted form so the fetch connects to exactly the address that was checked.
 *
 * <p>A host name is resolved once here; a name that later resolves elsewhere (DNS rebinding) is not caught by this
 * class. Rejection messages are safe to return to the caller: the echoed URL has user information, query and fragment
 * removed.
 */
public final class UrlPolicy {

    /** The longest URL accepted unless configured otherwise. */
    public static final int DEFAULT_MAX_URL_LENGTH = 2048;

    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://");
    private static final Pattern SCHEME_WITHOUT_SLASHES = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Pattern SCP_LIKE = Pattern.compile("(?:[^@/:]+@)?[^@/:]+:.*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern HEX_NUMBER = Pattern.compile("0[xX][0-9a-fA-F]*");
    private static final Pattern IPV6_TEXT = Pattern.compile("[0-9a-fA-F:.]+");
    private static final List<String> LOCAL_SUFFIXES = List.of(".localhost", ".local", ".internal", ".localdomain",
            ".home.arpa");
    private static final int MAX_SHOWN = 200;

    /**
     * The policy's configuration.
     *
     * @param allowedHosts          hosts that may be fetched from, case-insensitive: an exact name ({@code github.com}),
     *                              {@code *.domain} for any subdomain of {@code domain} (not {@code domain} itself), an
     *                              IP literal, or {@code *} for any host; ports are not part of an entry. Empty allows
     *                              nothing.
     * @param allowHttp             whether plain {@code http://} is accepted ({@code https://} always is)
     * @param allowPrivateAddresses whether loopback, private and other non-public addresses may be fetched from
     * @param maxUrlLength          the longest accepted URL, in characters
     */
    public record Settings(List<String> allowedHosts, boolean allowHttp, boolean allowPrivateAddresses, int maxUrlLength) {

        public Settings {
            Objects.requireNonNull(allowedHosts, "allowedHosts");
            List<String> normalized = new ArrayList<>();
            for (String entry : allowedHosts) {
                normalized.add(normalizeAllowlistEntry(Objects.requireNonNull(entry, "allowedHosts entry")));
            }
            allowedHosts = List.copyOf(normalized);
            if (maxUrlLength < 16) {
                throw new IllegalArgumentException("maxUrlLength must be at least 16");
            }
        }

        /** Settings with {@link #DEFAULT_MAX_URL_LENGTH}. */
        public Settings(List<String> allowedHosts, boolean allowHttp, boolean allowPrivateAddresses) {
            this(allowedHosts, allowHttp, allowPrivateAddresses, DEFAULT_MAX_URL_LENGTH);
        }
    }

    /** Resolves a host name to its addresses; replaced in tests, which must not use real DNS. */
    @FunctionalInterface
    interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    private final Settings settings;
    private final Resolver resolver;

    public UrlPolicy(Settings settings) {
        this(settings, host -> List.of(InetAddress.getAllByName(host)));
    }

    UrlPolicy(Settings settings, Resolver resolver) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /**
     * Checks {@code url} and returns the form to fetch and to key caches by.
     *
     * @throws UrlRejectedException {@code INVALID_GIT_URL} when the URL is not a fetchable https/http Git URL at all,
     *                              {@code URL_NOT_ALLOWED} when it is well-formed but the settings forbid it
     */
    public RepositoryUrl check(String url) {
        Objects.requireNonNull(url, "url");
        String shown = display(url);
        if (url.length() > settings.maxUrlLength()) {
            throw invalid("the Git URL is longer than " + settings.maxUrlLength() + " characters");
        }
        if (url.isEmpty()) {
            throw invalid("the Git URL is empty");
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                throw invalid("'" + shown + "' contains whitespace or control characters");
            }
            if (c > 0x7e) {
                throw invalid("'" + shown + "' contains non-ASCII characters; use percent-encoding or punycode");
            }
        }
        if (url.startsWith("-")) {
            throw invalid("'" + shown + "' looks like a command-line option, not a Git URL");
        }
        Matcher scheme = SCHEME.matcher(url);
        if (!scheme.lookingAt()) {
            throw invalid(whyNotAUrl(url, shown));
        }
        String protocol = scheme.group(1).toLowerCase(Locale.ROOT);
        if (!protocol.equals("https") && !protocol.equals("http")) {
            throw invalid("'" + shown + "': the scheme '" + protocol + "' is not supported; use https://");
        }
        if (url.indexOf('?') >= 0) {
            throw invalid("'" + shown + "' must not have a query (?...)");
        }
        if (url.indexOf('#') >= 0) {
            throw invalid("'" + shown + "' must not have a fragment (#...)");
        }
        URI parsed;
        try {
            parsed = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid("'" + shown + "' is not a valid URL");
        }
        String authority = parsed.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw invalid("'" + shown + "' has no host");
        }
        if (authority.indexOf('@') >= 0) {
            throw invalid("'" + shown + "' must not contain credentials; only public repositories can be scanned");
        }
        Authority hostPort = splitAuthority(authority, shown);
        Host host = parseHost(hostPort.host(), shown);
        String path = repositoryPath(Objects.requireNonNullElse(parsed.getRawPath(), ""), shown);

        if (protocol.equals("http") && !settings.allowHttp()) {
            throw notAllowed("'" + shown + "': plain http:// is not allowed; use https://");
        }
        if (!settings.allowPrivateAddresses()) {
            host.address().flatMap(address -> isMappedLiteral(host, address) ? Optional.of("IPv4-mapped IPv6")
                    : nonPublicKind(address)).ifPresent(kind -> {
                throw notAllowed("'" + shown + "' points to a " + kind + " address");
            });
        }
        if (!isAllowlisted(host)) {
            throw notAllowed("the host '" + host.name() + "' is not in the list of allowed Git hosts");
        }
        if (!settings.allowPrivateAddresses() && host.address().isEmpty()) {
            checkResolvesPublicly(host.name());
        }

        String port = hostPort.port() == -1 ? "" : ":" + hostPort.port();
        boolean defaultPort = hostPort.port() == (protocol.equals("https") ? 443 : 80);
        String fetchPath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String name = fetchPath.endsWith(".git") ? fetchPath.substring(0, fetchPath.length() - 4) : fetchPath;
        URI uri = URI.create(protocol + "://" + host.name() + port + fetchPath);
        String normalized = protocol + "://" + host.name() + (defaultPort ? "" : port) + name;
        return new RepositoryUrl(uri, normalized);
    }

    private static String whyNotAUrl(String url, String shown) {
        if (url.contains("::")) {
            return "'" + shown + "' uses a Git transport helper (such as ext::), which is not supported; use https://";
        }
        Matcher scheme = SCHEME_WITHOUT_SLASHES.matcher(url);
        if (scheme.lookingAt() && List.of("file", "ssh", "git", "http", "https", "ext", "fd")
                .contains(scheme.group(1).toLowerCase(Locale.ROOT))) {
            return "'" + shown + "': only https:// URLs are supported";
        }
        if (SCP_LIKE.matcher(url).matches()) {
            return "'" + shown + "' is an SSH (scp-style) address, which is not supported; use https://";
        }
        return "'" + shown + "' is not an absolute https:// URL";
    }

    private record Authority(String host, int port) {
    }

    private static Authority splitAuthority(String authority, String shown) {
        String host = authority;
        String port = "";
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw invalid("'" + shown + "' has an invalid host");
            }
            host = authority.substring(0, close + 1);
            String rest = authority.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw invalid("'" + shown + "' has an invalid host");
            }
            port = rest.isEmpty() ? "" : rest.substring(1);
        } else if (authority.indexOf(':') >= 0) {
            host = authority.substring(0, authority.indexOf(':'));
            port = authority.substring(authority.indexOf(':') + 1);
        }
        if (host.isEmpty()) {
            throw invalid("'" + shown + "' has no host");
        }
        if (port.isEmpty()) {
            return new Authority(host.toLowerCase(Locale.ROOT), -1);
        }
        if (!DIGITS.matcher(port).matches() || port.length() > 5 || Integer.parseInt(port) == 0
                || Integer.parseInt(port) > 65535) {
            throw invalid("'" + shown + "' has an invalid port");
        }
        return new Authority(host.toLowerCase(Locale.ROOT), Integer.parseInt(port));
    }

    /** A host as it goes into the accepted URI: a valid name, a canonical IPv4 literal or a bracketed IPv6 literal. */
    private record Host(String name, Optional<InetAddress> address) {
    }

    private static Host parseHost(String host, String shown) {
        if (host.startsWith("[")) {
            String literal = host.substring(1, host.length() - 1);
            if (!IPV6_TEXT.matcher(literal).matches() || literal.indexOf(':') < 0) {
                throw invalid("'" + shown + "' has an invalid IPv6 address");
            }
            try {
                InetAddress address = InetAddress.getByName(literal);
                return new Host(host, Optional.of(address));
            } catch (UnknownHostException e) {
                throw invalid("'" + shown + "' has an invalid IPv6 address");
            }
        }
        if (host.endsWith(".")) {
            throw invalid("'" + shown + "': the host name must not end with a dot");
        }
        String last = host.substring(host.lastIndexOf('.') + 1);
        if (DIGITS.matcher(last).matches() || HEX_NUMBER.matcher(last).matches()) {
            byte[] ipv4 = parseIpv4(host)
                    .orElseThrow(() -> invalid("'" + shown + "' has an invalid IPv4 address"));
            try {
                InetAddress address = InetAddress.getByAddress(ipv4);
                return new Host(address.getHostAddress(), Optional.of(address));
            } catch (UnknownHostException e) {
                throw new IllegalStateException("four bytes are always an address", e);
            }
        }
        if (host.length() > 253) {
            throw invalid("'" + shown + "' has an invalid host name");
        }
        for (String label : host.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw invalid("'" + shown + "' has an invalid host name");
            }
        }
        return new Host(host, Optional.empty());
    }

    /**
     * Parses an IPv4 address the way {@code inet_aton} and the WHATWG URL standard do: one to four dot-separated parts,
     * each decimal, octal (leading {@code 0}) or hexadecimal ({@code 0x}), the last part filling the remaining bytes.
     */
    static Optional<byte[]> parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Optional<BigInteger> value = parseIpv4Part(parts[i]);
            if (value.isEmpty() || value.get().bitLength() > 32) {
                return Optional.empty();
            }
            values[i] = value.get().longValue();
        }
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 255) {
                return Optional.empty();
            }
        }
        int lastBytes = 5 - values.length;
        if (values[values.length - 1] >= 1L << (8 * lastBytes)) {
            return Optional.empty();
        }
        long address = values[values.length - 1];
        for (int i = 0; i < values.length - 1; i++) {
            address |= values[i] << (8 * (3 - i));
        }
        return Optional.of(new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8),
            (byte) address});
    }

    private static Optional<BigInteger> parseIpv4Part(String part) {
        if (part.isEmpty()) {
            return Optional.empty();
        }
        if (part.startsWith("0x") || part.startsWith("0X")) {
            String digits = part.substring(2);
            return digits.isEmpty() ? Optional.of(BigInteger.ZERO)
                    : digits.matches("[0-9a-fA-F]+") ? Optional.of(new BigInteger(digits, 16)) : Optional.empty();
        }
        if (part.length() > 1 && part.startsWith("0")) {
            return part.matches("[0-7]+") ? Optional.of(new BigInteger(part, 8)) : Optional.empty();
        }
        return DIGITS.matcher(part).matches() ? Optional.of(new BigInteger(part)) : Optional.empty();
    }

    /** The raw path, validated: not empty, no empty, {@code .} or {@code ..} segments, nothing encoded that hides one. */
    private static String repositoryPath(String rawPath, String shown) {
        String path = rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        String name = path.endsWith(".git") ? path.substring(0, path.length() - 4) : path;
        if (name.isEmpty() || name.equals("/")) {
            throw invalid("'" + shown + "' has no repository path");
        }
        for (String segment : path.substring(1).split("/", -1)) {
            String decoded = percentDecode(segment);
            if (decoded.isEmpty() || decoded.equals(".") || decoded.equals("..")) {
                throw invalid("'" + shown + "' has an empty, '.' or '..' path segment");
            }
            for (int i = 0; i < decoded.length(); i++) {
                char c = decoded.charAt(i);
                if (c < ' ' || c == 0x7f || c == '/' || c == '\\') {
                    throw invalid("'" + shown + "' has an encoded slash, backslash or control character in its path");
                }
            }
        }
        return rawPath;
    }

    private static String percentDecode(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%' && i + 2 < segment.length()) {
                bytes.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private boolean isAllowlisted(Host host) {
        for (String entry : settings.allowedHosts()) {
            if (entry.equals("*") || entry.equals(host.name())) {
                return true;
            }
            if (entry.startsWith("*.") && host.address().isEmpty() && host.name().endsWith(entry.substring(1))) {
                return true;
            }
            if (host.address().isPresent() && entry.startsWith("[")
                    && literalAddress(entry).equals(host.address())) {
                return true;
            }
        }
        return false;
    }

    private void checkResolvesPublicly(String name) {
        if (name.equals("localhost") || LOCAL_SUFFIXES.stream().anyMatch(name::endsWith)) {
            throw notAllowed("the host '" + name + "' is a local or internal name");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(name);
        } catch (UnknownHostException | RuntimeException e) {
            throw notAllowed("the host '" + name + "' could not be resolved");
        }
        if (addresses.isEmpty()) {
            throw notAllowed("the host '" + name + "' could not be resolved");
        }
        for (InetAddress address : addresses) {
            nonPublicKind(address).ifPresent(kind -> {
                throw notAllowed("the host '" + name + "' resolves to a " + kind + " address");
            });
        }
    }

    /** Java turns {@code [::ffff:a.b.c.d]} into an IPv4 address; such a literal is refused even for a public address. */
    private static boolean isMappedLiteral(Host host, InetAddress address) {
        return host.name().startsWith("[") && address instanceof Inet4Address;
    }

    /**
     * Whether a fetch may connect to {@code address}: always when private addresses are allowed, otherwise only to an
     * ordinary public unicast address. Applied again at connect time (see {@link RepositoryFetcher}).
     */
    public boolean mayConnectTo(InetAddress address) {
        return settings.allowPrivateAddresses() || nonPublicKind(address).isEmpty();
    }

    /** What kind of non-public address this is, or empty for an ordinary public unicast address. */
    static Optional<String> nonPublicKind(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4Kind(b);
        }
        if (!(address instanceof Inet6Address)) {
            return Optional.of("unknown");
        }
        int first = u(b[0]);
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (allZero(b, 0, 10) && u(b[10]) == 0xff && u(b[11]) == 0xff) {
            return Optional.of("IPv4-mapped");
        }
        if (allZero(b, 0, 12)) {
            return Optional.of("IPv4-compatible");
        }
        if (first == 0x00 && u(b[1]) == 0x64 && u(b[2]) == 0xff && u(b[3]) == 0x9b) {
            return Optional.of("NAT64");
        }
        if (first == 0x20 && u(b[1]) == 0x02) {
            return ipv4Kind(new byte[] {b[2], b[3], b[4], b[5]}).map(kind -> "6to4 " + kind);
        }
        if (first == 0x20 && u(b[1]) == 0x01 && u(b[2]) == 0x00 && u(b[3]) == 0x00) {
            return Optional.of("Teredo");
        }
        if (first == 0x20 && u(b[1]) == 0x01 && u(b[2]) == 0x0d && u(b[3]) == 0xb8) {
            return Optional.of("documentation");
        }
        if (first == 0x01 && allZero(b, 1, 8)) {
            return Optional.of("discard");
        }
        if ((first & 0xfe) == 0xfc) {
            return Optional.of("unique-local");
        }
        if (first == 0xfe && (u(b[1]) & 0xc0) == 0x80) {
            return Optional.of("link-local");
        }
        if (first == 0xfe && (u(b[1]) & 0xc0) == 0xc0) {
            return Optional.of("site-local");
        }
        if (first == 0xff) {
            return Optional.of("multicast");
        }
        return Optional.empty();
    }

    private static Optional<String> ipv4Kind(byte[] b) {
        int a = u(b[0]);
        int c = u(b[1]);
        if (a == 0) {
            return Optional.of("unspecified");
        }
        if (a == 127) {
            return Optional.of("loopback");
        }
        if (a == 10 || a == 172 && (c & 0xf0) == 16 || a == 192 && c == 168) {
            return Optional.of("private");
        }
        if (a == 169 && c == 254) {
            return Optional.of(u(b[2]) == 169 && u(b[3]) == 254 ? "cloud metadata" : "link-local");
        }
        if (a == 100 && (c & 0xc0) == 64) {
            return Optional.of("shared (CGNAT)");
        }
        if (a == 192 && c == 0 && u(b[2]) == 0) {
            return Optional.of("reserved");
        }
        if (a == 192 && c == 0 && u(b[2]) == 2 || a == 198 && c == 51 && u(b[2]) == 100
                || a == 203 && c == 0 && u(b[2]) == 113) {
            return Optional.of("documentation");
        }
        if (a == 198 && (c & 0xfe) == 18) {
            return Optional.of("benchmarking");
        }
        if (a >= 224 && a <= 239) {
            return Optional.of("multicast");
        }
        if (a >= 240) {
            return Optional.of("reserved");
        }
        return Optional.empty();
    }

    private static int u(byte b) {
        return b & 0xff;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Optional<InetAddress> literalAddress(String bracketed) {
        try {
            return Optional.of(InetAddress.getByName(bracketed.substring(1, bracketed.length() - 1)));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Lower-cases an allowlist entry and checks it is a host pattern; IP literals get the canonical form. */
    private static String normalizeAllowlistEntry(String raw) {
        String entry = raw.trim().toLowerCase(Locale.ROOT);
        if (entry.equals("*")) {
            return entry;
        }
        String problem = "allowed host '" + raw + "' must be a host name, '*.domain', an IP address or '*' (no port)";
        if (entry.indexOf(':') >= 0) {
            String literal = entry.startsWith("[") && entry.endsWith("]") ? entry.substring(1, entry.length() - 1) : entry;
            if (!IPV6_TEXT.matcher(literal).matches() || literal.indexOf(':') < 0
                    || literalAddress("[" + literal + "]").isEmpty()) {
                throw new IllegalArgumentException(problem);
            }
            return "[" + literal + "]";
        }
        String host = entry.startsWith("*.") ? entry.substring(2) : entry;
        try {
            Host parsed = parseHost(host, raw);
            if (entry.startsWith("*.") && parsed.address().isPresent()) {
                throw new IllegalArgumentException(problem);
            }
            return entry.startsWith("*.") ? "*." + parsed.name() : parsed.name();
        } catch (UrlRejectedException e) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** The URL as it may be shown back: without user information, query or fragment, printable, bounded. */
    static String display(String url) {
        String shown = url;
        int cut = indexOfAny(shown, '?', '#');
        if (cut >= 0) {
            shown = shown.substring(0, cut);
        }
        int at = shown.lastIndexOf('@');
        if (at >= 0) {
            int schemeEnd = shown.indexOf("://");
            shown = (schemeEnd >= 0 && schemeEnd < at ? shown.substring(0, schemeEnd + 3) : "") + shown.substring(at + 1);
        }
        StringBuilder printable = new StringBuilder();
        for (int i = 0; i < shown.length() && printable.length() < MAX_SHOWN; i++) {
            char c = shown.charAt(i);
            printable.append(c < ' ' || c > 0x7e ? '?' : c);
        }
        if (shown.length() > MAX_SHOWN) {
            printable.append("...");
        }
        return printable.toString();
    }

    private static int indexOfAny(String text, char first, char second) {
        int a = text.indexOf(first);
        int b = text.indexOf(second);
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    private static UrlRejectedException invalid(String message) {
        return new UrlRejectedException(Reason.INVALID_GIT_URL, message);
    }

    private static UrlRejectedException notAllowed(String message) {
        return new UrlRejectedException(Reason.URL_NOT_ALLOWED, message);
    }
}
