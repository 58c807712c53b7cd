package dev.depscan.scan.spi;

import dev.depscan.scan.ApiCall;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

class ApiCallsTest {

    @Test
    void findsPythonClientCallsWithTheirMethods() {
        List<ApiCall> calls = ApiCalls.find("app/llm.py", """
                import requests, httpx
                # requests.get("https://commented.example.com/x")
                r = requests.post("https://api.openai.com/v1/chat/completions?stream=1", json=body)
                data = httpx.get(f"https://{host}/items")
                page = urllib.request.urlopen('https://example.org/feed.xml')
                URL = "https://docs.example.com/not-a-call"
                """, ApiCalls.Language.PYTHON);

        assertThat(rows(calls), contains("POST https://api.openai.com/v1/chat/completions app/llm.py:3",
                                         "GET https://example.org/feed.xml app/llm.py:5"));
    }

    @Test
    void findsJavaScriptFetchAndAxiosCalls() {
        List<ApiCall> calls = ApiCalls.find("web/api.ts", """
                const res = await fetch('https://api.stripe.com/v1/charges', { method: 'POST' });
                const users = await axios.get(`https://api.github.com/users/${name}`);
                // fetch('https://commented.example.com')
                """, ApiCalls.Language.JAVASCRIPT);

        assertThat(rows(calls), contains("POST https://api.stripe.com/v1/charges web/api.ts:1",
                                         "GET https://api.github.com/users/ web/api.ts:2"));
    }

    @Test
    void findsJvmClientCalls() {
        List<ApiCall> calls = ApiCalls.find("src/Client.java", """
                var request = HttpRequest.newBuilder(URI.create("https://api.example.com/v2/orders")).DELETE().build();
                var body = restTemplate.postForObject("https://billing.example.com/invoices", invoice, String.class);
                val r = basicRequest.get(uri"https://api.weather.example/forecast")
                String doc = "https://example.com/just-a-string";
                """, ApiCalls.Language.JVM);

        assertThat(rows(calls), contains("DELETE https://api.example.com/v2/orders src/Client.java:1",
                                         "POST https://billing.example.com/invoices src/Client.java:2",
                                         "GET https://api.weather.example/forecast src/Client.java:3"));
    }

    @Test
    void leavesOutUrlsWhoseHostIsNotLiteral() {
        assertThat(ApiCalls.find("a.py", "requests.get('https://${HOST}/x')\n", ApiCalls.Language.PYTHON), empty());
    }

    private static List<String> rows(List<ApiCall> calls) {
        return calls.stream().map(c -> c.method() + " " + c.url() + " " + c.file() + ":" + c.line()).toList();
    }
}
