package org.linkdesk.shares;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a gateway's {@code /healthz} whether it answers, for a clear message before links are handed out. */
public final class GatewayProbe {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    /** Null when the gateway answers, else a sentence saying what is wrong and what to do. */
    public String problem(String publicUrl) {
        String what = "The share gateway at " + publicUrl;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(publicUrl + "/healthz"))
                    .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && r.body().contains("\"ok\"")) {
                return null;
            }
            return what + " answered " + r.statusCode() + " instead of OK; check that 'linkdesk serve' runs behind "
                    + "that address.";
        } catch (IOException | IllegalArgumentException e) {
            return what + " is not reachable; start it with 'linkdesk serve' (links made now work once it runs).";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return what + " was not checked.";
        }
    }
}
