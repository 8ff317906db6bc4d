package org.linkdesk.cli;

import java.net.URL;
import java.net.URLStreamHandler;
import java.net.URLStreamHandlerFactory;

/**
 * Spares the quick {@code presign} a scan of every jar on the class path (about 100 of them: 30–40 ms of its
 * ≈ 300 ms). The JCE makes an {@code http:} URL when it starts (a marker it never opens), and the JDK looks for the
 * handler of a protocol it has not used yet in every jar's {@code META-INF/services} first, opening each one. None
 * of Linkdesk's jars provides one, so this hands the JDK its own http and https handlers directly.
 *
 * <p>Needs {@code sun.net.www.protocol.http(s)} exported to the class path, which {@code linkdesk.jar}'s manifest
 * does for {@code java -jar} ({@code Add-Exports}); elsewhere (run from classes, other launchers) nothing is
 * installed and the JDK's usual lookup runs. A handler factory can be set once per JVM and stays for the rest of
 * the process; for http and https it gives what the JDK would have used, for other protocols it defers to the JDK.
 */
final class QuickUrlHandlers implements URLStreamHandlerFactory {
    private final URLStreamHandler http;
    private final URLStreamHandler https;

    private QuickUrlHandlers(URLStreamHandler http, URLStreamHandler https) {
        this.http = http;
        this.https = https;
    }

    private static boolean tried;

    /** Installs the factory once if the JDK's handler classes are reachable; otherwise does nothing. */
    static synchronized void install() {
        if (tried) {
            return;
        }
        tried = true;
        try {
            URL.setURLStreamHandlerFactory(new QuickUrlHandlers(jdkHandler("http"), jdkHandler("https")));
        } catch (ReflectiveOperationException | RuntimeException | Error e) {
            // Not exported to us, or another factory is set already ("factory already defined" is an Error):
            // the JDK's own lookup, only slower.
        }
    }

    private static URLStreamHandler jdkHandler(String protocol) throws ReflectiveOperationException {
        return (URLStreamHandler) Class.forName("sun.net.www.protocol." + protocol + ".Handler")
                .getDeclaredConstructor().newInstance();
    }

    @Override
    public URLStreamHandler createURLStreamHandler(String protocol) {
        if (protocol.equalsIgnoreCase("http")) {
            return http;
        }
        if (protocol.equalsIgnoreCase("https")) {
            return https;
        }
        return null;
    }
}
