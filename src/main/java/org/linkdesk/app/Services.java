package org.linkdesk.app;

import java.nio.file.Path;
import java.time.Clock;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.core.sign.SigV4Presigner;
import org.linkdesk.links.LinkService;
import org.linkdesk.profiles.ProfileService;
import org.linkdesk.store.BookmarkStore;
import org.linkdesk.store.Database;
import org.linkdesk.store.ShareStore;
import org.linkdesk.store.Vault;

/**
 * The composition root: wires every service with plain constructors, for the GUI and the CLI alike. Nothing here
 * touches JavaFX.
 */
public final class Services implements AutoCloseable {
    private final Path dataDirectory;
    private final Clock clock;
    private final Database database;
    private final Vault vault;
    private final ProfileService profiles;
    private final ShareStore shares;
    private final LinkService links;
    private final S3Http s3;
    private final BookmarkStore bookmarks;

    private Services(Path dataDirectory, Clock clock, Database database, S3Http s3) {
        this.dataDirectory = dataDirectory;
        this.clock = clock;
        this.database = database;
        this.vault = new Vault(database);
        this.profiles = new ProfileService(database, vault);
        this.shares = new ShareStore(database, vault);
        this.links = new LinkService(new SigV4Presigner(clock), shares, clock);
        this.s3 = s3;
        this.bookmarks = new BookmarkStore(database, clock);
    }

    /** Opens the database in {@code dataDirectory} (creating it) and wires the services. */
    public static Services open(Path dataDirectory) {
        return open(dataDirectory, Clock.systemUTC(), S3Http.createDefault());
    }

    public static Services open(Path dataDirectory, Clock clock, S3Http s3) {
        return new Services(dataDirectory, clock, Database.open(dataDirectory), s3);
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public Clock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    public Vault vault() {
        return vault;
    }

    public ProfileService profiles() {
        return profiles;
    }

    public ShareStore shares() {
        return shares;
    }

    public LinkService links() {
        return links;
    }

    public S3Http s3() {
        return s3;
    }

    public BookmarkStore bookmarks() {
        return bookmarks;
    }

    @Override
    public void close() {
        vault.lock();
        database.close();
    }
}
