package org.linkdesk.core.s3;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.security.cert.CertPathBuilderException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Turns a failure to get any answer into an {@link S3NetworkException} that says what to check. */
final class NetworkFailures {

    private NetworkFailures() {
    }

    static S3NetworkException requestTimedOut(Duration requestTimeout, Throwable cause) {
        return new S3NetworkException("The server did not answer within " + format(requestTimeout)
                + ". Check the endpoint URL and your network, then try again.", cause);
    }

    static S3NetworkException toException(Throwable failure, URI uri, Duration connectTimeout, Duration requestTimeout) {
        String host = uri.getHost();
        String hostPort = host + ":" + port(uri);
        if (failure instanceof HttpConnectTimeoutException) {
            return new S3NetworkException("Could not connect to " + hostPort
                    + (connectTimeout == null ? "" : " within " + format(connectTimeout))
                    + ". Check the endpoint URL, your network and any firewall or proxy.", failure);
        }
        if (failure instanceof HttpTimeoutException) {
            return requestTimedOut(requestTimeout, failure);
        }
        if (has(failure, UnresolvedAddressException.class) || has(failure, UnknownHostException.class)) {
            return new S3NetworkException("Host " + host + " not found — check the endpoint URL and your network.",
                    failure);
        }
        if (has(failure, SSLException.class)) {
            return tlsFailure(failure, host, hostPort);
        }
        if (has(failure, NoRouteToHostException.class) || messageContains(failure, "unreachable")) {
            return new S3NetworkException("Host " + host + " cannot be reached — check your network connection.",
                    failure);
        }
        if (has(failure, ConnectException.class)) {
            return new S3NetworkException("Nothing is listening at " + hostPort + " — is the server running? "
                    + "Check the endpoint URL and its port.", failure);
        }
        if (has(failure, EOFException.class) || messageContains(failure, "received no bytes")) {
            return new S3NetworkException(hostPort + " closed the connection without answering. Check the endpoint "
                    + "URL (http:// or https://?) and try again.", failure);
        }
        return new S3NetworkException("The connection to " + hostPort + " failed (" + describe(failure)
                + "). Check the endpoint URL and your network, then try again.", failure);
    }

    private static S3NetworkException tlsFailure(Throwable failure, String host, String hostPort) {
        if (messageContains(failure, "unrecognized ssl message") || messageContains(failure, "plaintext")) {
            return new S3NetworkException(hostPort + " does not speak HTTPS. Check the endpoint URL: it may need "
                    + "http:// instead of https://.", failure);
        }
        if (has(failure, CertificateException.class) || has(failure, CertPathBuilderException.class)
                || has(failure, SSLPeerUnverifiedException.class)) {
            return new S3NetworkException("The certificate of " + host + " is not trusted or is not for this host "
                    + "name. Check the endpoint URL; a self-signed certificate must be trusted by Java first.", failure);
        }
        if (has(failure, SSLHandshakeException.class)) {
            return new S3NetworkException("A secure connection to " + hostPort + " could not be set up ("
                    + describe(failure) + "). Check the endpoint URL.", failure);
        }
        return new S3NetworkException("The secure connection to " + hostPort + " failed (" + describe(failure)
                + "). Try again.", failure);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean messageContains(Throwable failure, String part) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message, for the rare failures without a plain-words explanation. */
    private static String describe(Throwable failure) {
        String text = failure.getClass().getSimpleName();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                text = t.getMessage();
            }
        }
        return text;
    }

    /** {@code 30 s}, {@code 1.5 s}, {@code 300 ms}. */
    static String format(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
