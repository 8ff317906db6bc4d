package org.linkdesk.handover;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.core.sign.InvalidInputException;

/**
 * Tests a link without changing anything: a GET link with {@code Range: bytes=0-0} (one byte), a HEAD link with
 * HEAD, a PUT link with the {@link ExpectContinueProbe} (no upload). A DELETE link cannot be tested without
 * deleting, so it is refused.
 */
public final class LinkTester {
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private final HttpClient http;
    private final Clock clock;
    private final Duration timeout;
    private final Duration afterContinue;
    private final LinkDiagnostician diagnostician = new LinkDiagnostician();

    /**
     * @param timeout       how long to wait for an answer
     * @param afterContinue PUT: how long to wait for a refusal after a server invited the body (see
     *                      {@link ExpectContinueProbe})
     */
    public LinkTester(HttpClient http, Clock clock, Duration timeout, Duration afterContinue) {
        this.http = http;
        this.clock = clock;
        this.timeout = timeout;
        this.afterContinue = afterContinue;
    }

    public static LinkTester createDefault() {
        return new LinkTester(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build(), Clock.systemUTC(), Duration.ofSeconds(20),
                Duration.ofSeconds(5));
    }

    /**
     * Tests {@code url} as a {@code method} link; {@code contentType} is the Content-Type a PUT link was signed with
     * (null when it was signed without one, or to find out whether it needs one).
     */
    public LinkTestResult test(String url, HttpMethod method, String contentType) {
        String text = url == null ? "" : url.strip();
        URI uri = parse(text);
        if (method == HttpMethod.DELETE) {
            throw new InvalidInputException("A DELETE link cannot be tested without deleting the object. Test a GET "
                    + "or HEAD link to the same object instead.");
        }
        SignedUrlFacts facts = SignedUrlFacts.parse(uri, text);
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null && !contentType.isBlank()) {
            headers.put("Content-Type", contentType.strip());
        }
        try {
            ProbeAnswer answer = method == HttpMethod.PUT
                    ? new ExpectContinueProbe(timeout, afterContinue, clock).probe(uri, headers)
                    : send(uri, method, headers);
            Map<String, String> sent = new HashMap<>();
            headers.keySet().forEach(h -> sent.put(h.toLowerCase(Locale.ROOT), ""));
            return diagnostician.diagnose(facts, method, sent.keySet(), answer);
        } catch (SocketTimeoutException | HttpTimeoutException e) {
            return LinkTestResult.failed(0, Diagnosis.NETWORK, method == HttpMethod.PUT
                    ? "The server did not answer before the upload would start (it ignores 'Expect: 100-continue'), "
                    + "so the link cannot be checked without uploading. Nothing was sent."
                    : "The server did not answer within " + timeout.getSeconds() + " s. Check the network, a VPN "
                    + "or proxy, and try again.", null);
        } catch (UnknownHostException e) {
            return LinkTestResult.failed(0, Diagnosis.NETWORK, "The host name " + uri.getHost() + " is not known "
                    + "(DNS). Check the link's host and your network.", null);
        } catch (ConnectException e) {
            return LinkTestResult.failed(0, Diagnosis.NETWORK, "Nothing answers at " + uri.getHost()
                    + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + " (connection refused). The server is down, "
                    + "or the link points at the wrong host or port.", null);
        } catch (SSLException e) {
            return LinkTestResult.failed(0, Diagnosis.NETWORK, "The secure connection to " + uri.getHost()
                    + " failed (TLS: " + e.getMessage() + "). A proxy may be intercepting it, or the certificate does "
                    + "not match the host.", null);
        } catch (IOException e) {
            return LinkTestResult.failed(0, Diagnosis.NETWORK, "The connection to " + uri.getHost() + " failed ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ").", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return LinkTestResult.failed(0, Diagnosis.NETWORK, "The test was interrupted.", null);
        }
    }

    private ProbeAnswer send(URI uri, HttpMethod method, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method.name(), HttpRequest.BodyPublishers.noBody());
        if (method == HttpMethod.GET) {
            request.header("Range", "bytes=0-0");
        }
        headers.forEach(request::header);
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        var received = clock.instant();
        byte[] body;
        try (InputStream in = response.body()) {
            body = response.statusCode() / 100 == 2 ? new byte[0] : in.readNBytes(MAX_ERROR_BODY);
        }
        Map<String, String> answerHeaders = new HashMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!values.isEmpty()) {
                answerHeaders.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return new ProbeAnswer(response.statusCode(), answerHeaders, body, received);
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url.replace(" ", "%20"));
            if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).matches("https?")
                    || uri.getHost() == null) {
                throw new InvalidInputException("Give the whole link, starting with https:// or http://.");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidInputException("This is not a valid URL: " + e.getReason() + ".");
        }
    }
}
