package org.linkdesk.demo;

import java.nio.file.Path;
import org.linkdesk.app.GuiMain;
import org.linkdesk.app.SandboxOffer;
import org.linkdesk.store.DataDirectory;

/**
 * {@code mvn -Pdemo}: starts the sandbox S3 server, then the app, which offers to add a "Sandbox"
 * profile for it once the master password is set. Arguments as for the app ({@code --data-dir DIR}); the port is
 * {@code -Dlinkdesk.sandbox.port} (default 9555; the saved profile remembers it).
 */
public final class SandboxMain {
    private SandboxMain() {
    }

    public static void main(String[] args) throws Exception {
        Path data = DataDirectory.resolve(dataDirArgument(args));
        int port = Integer.getInteger("linkdesk.sandbox.port", SandboxServer.DEFAULT_PORT);
        SandboxServer server;
        try {
            server = SandboxServer.start(data, port);
        } catch (java.net.BindException e) {
            System.err.println("linkdesk sandbox: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "sandbox-stop"));
        System.out.println("Linkdesk sandbox: S3 server on " + server.endpoint() + ", bucket " + SandboxServer.BUCKET
                + ", files under " + data.resolve("sandbox").resolve("blobs"));
        java.util.List<String> withSandbox = new java.util.ArrayList<>(java.util.List.of(args));
        withSandbox.addAll(SandboxOffer.arguments(new SandboxOffer.Settings(server.endpoint(), SandboxServer.REGION,
                SandboxServer.ACCESS_KEY_ID, SandboxServer.SECRET_ACCESS_KEY, SandboxServer.BUCKET,
                SandboxServer.sampleKey())));
        GuiMain.main(withSandbox.toArray(String[]::new));
    }

    private static String dataDirArgument(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--data-dir=")) {
                return args[i].substring("--data-dir=".length());
            }
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                return args[i + 1];
            }
        }
        return null;
    }
}
