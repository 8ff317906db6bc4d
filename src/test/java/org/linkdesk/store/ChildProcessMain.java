package org.linkdesk.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.LinkOptions;

/**
 * Runs in a second JVM (started by {@link ChildJvm}) so tests can use one data directory from two processes.
 *
 * <ul>
 *   <li>{@code insert-share DIR URL NOTE}: records a share, prints {@code ID n}, exits.</li>
 *   <li>{@code insert-shares DIR COUNT}: records COUNT shares one by one, prints {@code DONE}, exits.</li>
 *   <li>{@code hold DIR}: opens the database like Linkdesk does, prints {@code READY DIR}, holds it until stdin closes.</li>
 *   <li>{@code hold-plain DIR}: opens the file directly, outside Linkdesk's turns (so nobody can share it), prints
 *       {@code READY}, holds it until stdin closes.</li>
 * </ul>
 */
public final class ChildProcessMain {
    private ChildProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "insert-share" -> {
                try (Database db = Database.open(dir)) {
                    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                    ShareRecord r = new ShareStore(db, new Vault(db)).insert(new NewShare(now, null, "child",
                            "AKIACHILD", null, "us-east-1", "child-bucket", "from/child.txt",
                            LinkOptions.get(Duration.ofHours(1)), now.plus(Duration.ofHours(1)),
                            EffectiveExpiry.Limit.REQUESTED, args[2], args[3]));
                    System.out.println("ID " + r.id());
                }
            }
            case "insert-shares" -> {
                try (Database db = Database.open(dir)) {
                    ShareStore shares = new ShareStore(db, new Vault(db));
                    for (int i = 0; i < Integer.parseInt(args[2]); i++) {
                        Instant now = Instant.now();
                        shares.insert(new NewShare(now, null, null, "AKIA", null, "us-east-1", "b", "k" + i,
                                LinkOptions.get(Duration.ofHours(1)), now.plusSeconds(3600),
                                EffectiveExpiry.Limit.REQUESTED, "https://b/k?X-Amz-Signature=s", null));
                    }
                    System.out.println("DONE");
                }
            }
            case "hold" -> {
                try (Database db = Database.open(dir)) {
                    System.out.println("READY " + db.directory());
                    waitForStdinToClose();
                }
            }
            case "hold-plain" -> {
                try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(Database.FILE_NAME),
                        "linkdesk", "")) {
                    System.out.println(c.isValid(5) ? "READY" : "BROKEN");
                    waitForStdinToClose();
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.flush();
    }

    private static void waitForStdinToClose() throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (in.readLine() != null) {
            // keep holding
        }
    }
}
