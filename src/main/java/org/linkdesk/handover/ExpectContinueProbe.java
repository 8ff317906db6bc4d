package org.linkdesk.handover;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Tests a PUT link without uploading. It sends the request head with {@code Content-Length: 1} and
 * {@code Expect: 100-continue}, then reads the first answer and closes the connection without sending any body.
 * A server that checks the signature first answers {@code 100 Continue} when it would accept the upload, or its
 * error (403 …) when not. Either way nothing is stored: the announced byte never comes, and S3 and compatible
 * servers store an object only once its whole body has arrived.
 *
 * <p>Servers that send {@code 100 Continue} before checking the signature (Jetty-based ones such as S3Proxy) then
 * answer with their refusal at once; the probe waits a few seconds after a {@code 100} for such a refusal, and
 * takes silence (the server waiting for the body) as acceptance.
 *
 * <p>What this cannot check: whether the upload would then succeed (size limits, a bucket that fills up, a policy
 * condition on the body), and servers that ignore {@code Expect} just wait for the body: that is reported as
 * "cannot tell".
 */
final class ExpectContinueProbe {
    private static final int MAX_HEAD = 64 * 1024;
    private static final int MAX_BODY = 64 * 1024;
    private final Duration timeout;
    private final Duration afterContinue;
    private final Clock clock;

    ExpectContinueProbe(Duration timeout, Duration afterContinue, Clock clock) {
        this.timeout = timeout;
        this.afterContinue = afterContinue;
        this.clock = clock;
    }

    /** The first answer to the PUT head; throws {@link SocketTimeoutException} when the server keeps waiting. */
    ProbeAnswer probe(URI uri, Map<String, String> headers) throws IOException {
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        try (Socket socket = open(uri.getHost(), port, tls)) {
            socket.setSoTimeout((int) timeout.toMillis());
            StringBuilder head = new StringBuilder(512);
            head.append("PUT ").append(uri.getRawPath()).append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    .append(" HTTP/1.1\r\nHost: ").append(uri.getRawAuthority()).append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("Content-Length: 1\r\nExpect: 100-continue\r\nConnection: close\r\nUser-Agent: linkdesk-test\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String responseHead = readHead(in);
            if (responseHead.startsWith("HTTP/1.1 100") || responseHead.startsWith("HTTP/1.0 100")) {
                // Some servers (Jetty-based ones such as S3Proxy) invite the body before checking the signature:
                // wait a little for a refusal that follows; silence means the server waits for the body.
                socket.setSoTimeout((int) afterContinue.toMillis());
                try {
                    responseHead = readHead(in);
                } catch (SocketTimeoutException e) {
                    return new ProbeAnswer(100, Map.of(), new byte[0], clock.instant());
                } catch (IOException e) {
                    throw new IOException("The server closed the connection after inviting the upload.", e);
                }
            }
            var received = clock.instant();
            String[] lines = responseHead.split("\r\n");
            String[] statusLine = lines[0].split(" ", 3);
            int status = Integer.parseInt(statusLine[1]);
            Map<String, String> answerHeaders = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    answerHeaders.putIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).strip());
                }
            }
            byte[] body = status == 100 ? new byte[0] : readBody(in, answerHeaders);
            return new ProbeAnswer(status, answerHeaders, body, received);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IOException("The server's answer is not HTTP.", e);
        }
    }

    private Socket open(String host, int port, boolean tls) throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
        if (!tls) {
            return plain;
        }
        SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, host, port, true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(parameters);
        ssl.startHandshake();
        return ssl;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < 4 && bytes.size() < MAX_HEAD && (b = in.read()) != -1) {
            bytes.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        if (bytes.size() == 0) {
            throw new IOException("The server closed the connection without answering.");
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] readBody(InputStream in, Map<String, String> headers) throws IOException {
        String length = headers.get("content-length");
        int wanted = MAX_BODY;
        if (length != null) {
            try {
                wanted = (int) Math.min(MAX_BODY, Long.parseLong(length.strip()));
            } catch (NumberFormatException e) {
                wanted = MAX_BODY;
            }
        }
        try {
            return in.readNBytes(wanted);
        } catch (SocketTimeoutException e) {
            return new byte[0];
        }
    }
}
