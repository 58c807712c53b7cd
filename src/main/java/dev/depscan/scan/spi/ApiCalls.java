package dev.depscan.scan.spi;

import dev.depscan.scan.ApiCall;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds HTTP calls to literal URLs in source code, for the import analyzers to report with their imports.
 *
 * <p>A call is a string literal starting with {@code http://} or {@code https://} on a line that also uses one of
 * the language's HTTP clients: Python {@code requests}, {@code httpx}, {@code urllib} ({@code urlopen},
 * {@code Request}), {@code aiohttp}; Java {@code java.net.http} ({@code URI.create}, {@code HttpRequest}),
 * {@code RestTemplate}, {@code WebClient}, OkHttp ({@code Request.Builder().url}), Feign ({@code @FeignClient(url)}),
 * {@code new URL(...)}; Scala sttp ({@code uri"..."}, {@code basicRequest}), akka-http ({@code HttpRequest(uri)}),
 * play-ws ({@code ws.url}); JavaScript {@code fetch}, {@code axios}, {@code got}, {@code ky}, {@code http(s).get}.
 * The method is the one the line names ({@code .post(}, {@code .postForObject(}, {@code method: "PUT"},
 * {@code HttpMethod.DELETE},
 * {@code .DELETE()}); otherwise {@code GET}. Lines that are comments ({@code #}, {@code //}, {@code *}) are skipped.
 * A URL still containing an interpolation ({@code {}}, {@code ${}}, {@code $name}) keeps its literal prefix only when
 * the host is literal.
 */
public final class ApiCalls {

    /** The languages whose clients are known. */
    public enum Language { PYTHON, JVM, JAVASCRIPT }

    private static final Pattern URL = Pattern.compile("[\"'`]((?:https?)://[^\"'`\\s]+)[\"'`]");
    private static final Pattern METHOD = Pattern.compile(
            "(?i)(?:\\.|\\b(?:method\\s*[:=]\\s*[\"']?|HttpMethod\\.|Method\\.))"
            + "(get|post|put|patch|delete|head|options)(?:\\b|(?=For[A-Z]))");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final Pattern PYTHON = Pattern.compile(
            "\\b(requests|httpx|urlopen|urllib|Request|aiohttp|session|client|AsyncClient|Client)\\b");
    private static final Pattern JVM = Pattern.compile(
            "\\b(URI\\.create|HttpRequest|newBuilder|RestTemplate|restTemplate|getForObject|getForEntity|postForObject|"
            + "postForEntity|exchange|WebClient|webClient|Request\\.Builder|\\.url|FeignClient|new URL|basicRequest|"
            + "quickRequest|uri\"|Http\\(\\)|singleRequest|ws\\.url|wsClient)");
    private static final Pattern JAVASCRIPT = Pattern.compile(
            "\\b(fetch|axios|got|ky|https?\\.(get|request)|superagent|request)\\b");

    private ApiCalls() {
    }

    public static List<ApiCall> find(String file, String text, Language language) {
        Pattern client = switch (language) {
            case PYTHON -> PYTHON;
            case JVM -> JVM;
            case JAVASCRIPT -> JAVASCRIPT;
        };
        List<ApiCall> calls = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.stripLeading();
            if (trimmed.startsWith("#") || trimmed.startsWith("//") || trimmed.startsWith("*")
                    || trimmed.startsWith("/*") || line.length() > 2_000 || !line.contains("://")) {
                continue;
            }
            Matcher url = URL.matcher(line);
            if (!url.find() || !client.matcher(line).find()) {
                continue;
            }
            do {
                String target = clean(url.group(1));
                if (!target.isEmpty()) {
                    calls.add(new ApiCall(target, method(line), file, i + 1));
                }
            } while (url.find());
        }
        return calls;
    }

    private static String method(String line) {
        Matcher m = METHOD.matcher(line);
        while (m.find()) {
            String method = m.group(1).toUpperCase(Locale.ROOT);
            if (METHODS.contains(method)) {
                return method;
            }
        }
        return "GET";
    }

    /** The URL without query and fragment; cut at the first interpolation; empty when the host itself is not literal. */
    private static String clean(String url) {
        String u = url;
        for (String marker : new String[] {"?", "#", "${", "{", "$"}) {
            int k = u.indexOf(marker, u.indexOf("://") + 3);
            if (k >= 0) {
                u = u.substring(0, k);
            }
        }
        String host = u.substring(u.indexOf("://") + 3);
        int slash = host.indexOf('/');
        host = slash >= 0 ? host.substring(0, slash) : host;
        return host.isEmpty() || !host.matches("[A-Za-z0-9.:\\[\\]-]+") ? "" : u;
    }
}
