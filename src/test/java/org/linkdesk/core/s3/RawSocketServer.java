package org.linkdesk.core.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A socket server that answers every connection with fixed bytes, for answers an HTTP server library will not give
 * (a forged {@code Date} header, an immediate close, plain HTTP to a TLS client).
 */
final class RawSocketServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread acceptor;

    /**
     * @param response         what to write, or null to close the connection at once
     * @param readRequestFirst read the request head (up to the blank line) before answering
     */
    RawSocketServer(String response, boolean readRequestFirst) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> serve(response, readRequestFirst), "raw-socket-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve(String response, boolean readRequestFirst) {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                if (readRequestFirst) {
                    skipRequestHead(connection.getInputStream());
                }
                if (response != null) {
                    OutputStream out = connection.getOutputStream();
                    out.write(response.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (IOException e) {
                // closed by close(), or the client went away: serve the next one
            }
        }
    }

    private static void skipRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < 4 && (b = in.read()) != -1) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
