package org.linkdesk.wiring;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.core.sign.SigV4Presigner;
import org.linkdesk.history.HistoryExchange;
import org.linkdesk.history.HistoryService;
import org.linkdesk.links.LinkService;
import org.linkdesk.profiles.AutoLockSetting;
import org.linkdesk.profiles.AwsImport;
import org.linkdesk.profiles.BucketRegions;
import org.linkdesk.profiles.LazyOsKeychain;
import org.linkdesk.profiles.ProfileService;
import org.linkdesk.profiles.SecretKeychain;
import org.linkdesk.profiles.awsconfig.AwsConfigFiles;
import org.linkdesk.profiles.awsconfig.AwsCredentialSource;
import org.linkdesk.shares.PasswordHasher;
import org.linkdesk.shares.ProtectedShareService;
import org.linkdesk.shares.SqlProtectedShareStore;
import org.linkdesk.store.BookmarkStore;
import org.linkdesk.store.Database;
import org.linkdesk.store.HistoryStore;
import org.linkdesk.store.ShareJournal;
import org.linkdesk.store.ShareStore;
import org.linkdesk.store.ThemeSetting;
import org.linkdesk.store.Vault;
import org.linkdesk.core.s3.S3Uploads;
import org.linkdesk.upload.ResumeStore;
import org.linkdesk.upload.UploadEngine;
import org.linkdesk.upload.UploadService;

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
    private final Supplier<S3Http> s3Factory;
    private volatile S3Http s3;
    private final BucketRegions bucketRegions;
    private final AutoLockSetting autoLock;
    private final HistoryService history;
    private final HistoryExchange historyExchange;
    private final BookmarkStore bookmarks;
    private final ThemeSetting theme;
    private final org.linkdesk.handover.CopyFormatSetting copyFormat;
    private final ProtectedShareService protectedShares;
    private final org.linkdesk.profiles.DeliveryService delivery;

    private Services(Path dataDirectory, Clock clock, Database database, Supplier<S3Http> s3, SecretKeychain keychain,
                     AwsConfigFiles awsFiles) {
        this.dataDirectory = dataDirectory;
        this.clock = clock;
        this.database = database;
        this.vault = new Vault(database);
        this.profiles = new ProfileService(database, vault, keychain, AwsCredentialSource.sdk(), awsFiles, clock);
        this.bucketRegions = new BucketRegions(database);
        this.autoLock = new AutoLockSetting(database);
        this.shares = new ShareStore(database, vault);
        this.links = new LinkService(new SigV4Presigner(clock), shares, clock);
        this.s3Factory = s3;
        // Team mode switches what this reads (see useTeam); personal mode reads the local H2 history.
        this.historySwitch = new HistorySwitch(new HistoryStore(database), shares);
        this.teamMode = new TeamModeState(database, vault, clock, shares, historySwitch);
        this.history = new HistoryService(historySwitch, profiles, links, this::s3, clock);
        this.historyExchange = new HistoryExchange(historySwitch, shares, historySwitch);
        this.bookmarks = new BookmarkStore(database, clock);
        this.theme = new ThemeSetting(database);
        this.copyFormat = new org.linkdesk.handover.CopyFormatSetting(database);
        this.protectedShares = new ProtectedShareService(new SqlProtectedShareStore(database), PasswordHasher.DEFAULT, clock);
        this.delivery = new org.linkdesk.profiles.DeliveryService(database, vault);
    }

    /** How links of each profile reach people: public endpoint, CloudFront distribution. */
    public org.linkdesk.profiles.DeliveryService delivery() {
        return delivery;
    }

    /** Opens the database in {@code dataDirectory} (creating it) and wires the services. */
    public static Services open(Path dataDirectory) {
        // The HTTP client sets up TLS (≈ 0.2-0.8 s): made on first use, not on the start-up path.
        return wire(dataDirectory, Clock.systemUTC(), S3Http::createDefault,
                new LazyOsKeychain(keychainService(dataDirectory)), AwsConfigFiles.system());
    }

    public static Services open(Path dataDirectory, Clock clock, S3Http s3) {
        return wire(dataDirectory, clock, () -> s3, new LazyOsKeychain(keychainService(dataDirectory)),
                AwsConfigFiles.system());
    }

    /** With a given keychain and AWS CLI files (tests, and the CLI, which reads them from its environment). */
    public static Services open(Path dataDirectory, Clock clock, S3Http s3, SecretKeychain keychain,
                                AwsConfigFiles awsFiles) {
        return wire(dataDirectory, clock, () -> s3, keychain, awsFiles);
    }

    private static Services wire(Path dataDirectory, Clock clock, Supplier<S3Http> s3, SecretKeychain keychain,
                                 AwsConfigFiles awsFiles) {
        Services services = new Services(dataDirectory, clock, Database.open(org.linkdesk.store.DatabaseFiles.requireUsable(dataDirectory)), s3, keychain, awsFiles);
        try {
            // Team mode (issue 16, team-outbox): the outbox is set before the journal is taken in, so links the
            // command line's quick path wrote reach the team database too.
            services.teamMode.openOutbox(org.linkdesk.team.TeamOutboxes.forTeamMode(services.database,
                    System.getenv()).orElse(null));
            // Links the command line's quick path wrote to its journal join the history before anything reads it.
            ShareJournal.takeIn(services.database, services.vault, services.teamMode.outbox());
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        return services;
    }

    /** The keychain service name: one per data directory, so two Linkdesk homes never share entries. */
    public static String keychainService(Path dataDirectory) {
        return "Linkdesk " + dataDirectory.toAbsolutePath().normalize();
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
        S3Http client = s3;
        if (client == null) {
            synchronized (this) {
                client = s3;
                if (client == null) {
                    client = s3Factory.get();
                    s3 = client;
                }
            }
        }
        return client;
    }

    public BucketRegions bucketRegions() {
        return bucketRegions;
    }

    public AutoLockSetting autoLock() {
        return autoLock;
    }

    public AwsImport awsImport() {
        return new AwsImport(profiles);
    }

    public HistoryService history() {
        return history;
    }

    public HistoryExchange historyExchange() {
        return historyExchange;
    }

    public BookmarkStore bookmarks() {
        return bookmarks;
    }

    public ThemeSetting theme() {
        return theme;
    }

    /** The default format of Copy / Ctrl+C for links. */
    public org.linkdesk.handover.CopyFormatSetting copyFormat() {
        return copyFormat;
    }

    /** Protected links answered by the share gateway (issue 15); in team mode, on the team database. */
    public ProtectedShareService protectedShares() {
        org.linkdesk.team.TeamProtectedShares team = teamMode.protectedShares();
        return team != null ? team.service() : protectedShares;
    }

    /** Protected links as History rows (issue 15): made, shown, revoked and logged from the History. */
    public org.linkdesk.shares.ProtectedHistory protectedHistory() {
        org.linkdesk.team.TeamProtectedShares team = teamMode.protectedShares();
        // Team mode: the row is recorded locally and queued in the outbox under the uid its tie already uses.
        return team != null ? team.history(shares.outbox() != null
                ? (row, extras, shownUrl, uid) -> shares.insert(row, extras, shownUrl, uid).id()
                : org.linkdesk.shares.ProtectedHistory.localRows(shares, database))
                : new org.linkdesk.shares.ProtectedHistory(protectedShares, shares, database);
    }

    // Team mode for protected links (issue 16, team-gateway). team-config owns the team wiring: it passes the
    // outbox's RowRecorder instead of localRows above and decides who closes the team database.
    /** Puts protected links on the team database; its pool is closed with these services. */
    public void useTeamProtectedShares(org.linkdesk.team.TeamProtectedShares team) {
        teamMode.useProtectedShares(team);
    }

    /** Team mode's outbox (every new history row also waits there for the team database); null in personal mode. */
    public org.linkdesk.store.TeamOutbox teamOutbox() {
        return teamMode.outbox();
    }

    // ---- Team mode (issue 16, team-config): the history, the outbox sender and protected links on PostgreSQL ----
    private final HistorySwitch historySwitch;
    private final TeamModeState teamMode;

    /** This computer's team settings, looked up in {@code env} (the process's, or the command line's). */
    public org.linkdesk.team.TeamSettings teamSettings(java.util.Map<String, String> env) {
        return new org.linkdesk.team.TeamSettings(database, vault, env, System.getProperty("os.name", ""),
                System.getProperty("user.home", ""), System.getProperty("user.name", ""));
    }

    /**
     * Switches to team mode on {@code resolved}'s database: the history read from there, new links also queued in
     * the outbox, protected links there. {@code background}: send the outbox from a background thread (the desktop);
     * else the caller flushes ({@link org.linkdesk.team.TeamMode#flush}). Replaces a team mode already on.
     */
    public org.linkdesk.team.TeamMode useTeam(org.linkdesk.team.TeamSettings settings,
                                              org.linkdesk.team.TeamSettings.Resolved resolved, boolean background) {
        return teamMode.useTeam(settings, resolved, background);
    }

    /** Back to personal mode (links still waiting in the outbox stay there until team mode is on again). */
    public void leaveTeam() {
        teamMode.leaveTeam();
    }

    /** Team mode's parts while it is on. */
    public java.util.Optional<org.linkdesk.team.TeamMode> team() {
        return teamMode.team();
    }

    /** Opens the full links of the history's rows (the team's own rows in team mode). */
    public org.linkdesk.store.LinkUrls linkUrls() {
        return historySwitch;
    }

    // Uploads (issue 14): made on first use, as they need the HTTP client.
    private UploadService uploads;

    public synchronized UploadService uploads() {
        if (uploads == null) {
            S3Uploads calls = new S3Uploads(s3());
            ResumeStore resume = new ResumeStore(database, clock);
            uploads = new UploadService(new UploadEngine(calls, s3(), resume), calls, s3(), resume, links, clock);
        }
        return uploads;
    }

    @Override
    public void close() {
        teamMode.closeTeam();
        vault.lock();
        database.close();
        teamMode.closeProtectedShares();
    }
}
