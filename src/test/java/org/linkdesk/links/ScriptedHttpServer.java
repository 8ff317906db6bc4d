package org.linkdesk.links;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A socket server on 127.0.0.1 that answers with whatever {@link #answer} holds, and keeps each request head.
 * Raw bytes, because HTTP server libraries write their own {@code Date} header and this one must be forged.
 */
public final class ScriptedHttpServer implements AutoCloseable {
    private final ServerSocket socket;
    public volatile String answer = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    public final List<String> requests = new CopyOnWriteArrayList<>();

    public ScriptedHttpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::serve, "scripted-http");
        t.setDaemon(true);
        t.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket c = socket.accept()) {
                requests.add(head(c.getInputStream()));
                OutputStream out = c.getOutputStream();
                out.write(answer.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                // closed, or the client left
            }
        }
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < 4 && (b = in.read()) != -1) {
            bytes.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
