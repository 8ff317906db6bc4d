package org.linkdesk.team;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.store.Database;
import org.linkdesk.store.Settings;
import org.linkdesk.store.Vault;

/**
 * Where this computer's team database is, who logs in, and the display name links are recorded under. Each value
 * is looked up in a fixed order (docs/TEAM.md): URL = {@code --database} &gt; {@code LINKDESK_DATABASE} &gt; local
 * setting; user = {@code PGUSER} &gt; local setting &gt; the URL's own; password = {@code PGPASSWORD} &gt; the
 * password file ({@code PGPASSFILE} or {@code $HOME/.pgpass}) &gt; the password kept sealed in the local vault;
 * display name = {@code LINKDESK_DISPLAY_NAME} &gt; local setting &gt; the OS user. No URL anywhere: personal mode.
 *
 * <p>The settings stay on this computer (the local H2 {@code settings} table). The password is sealed to the vault's
 * public key: stored without the master password, opened only while the vault is unlocked, never written in clear.
 */
public final class TeamSettings {
    public static final String URL_SETTING = "team.database_url";
    public static final String USER_SETTING = "team.database_user";
    public static final String PASSWORD_SETTING = "team.database_password_sealed";
    public static final String NAME_SETTING = "team.display_name";
    public static final String URL_VARIABLE = "LINKDESK_DATABASE";
    public static final String NAME_VARIABLE = "LINKDESK_DISPLAY_NAME";
    static final int MAX_NAME_LENGTH = DisplayName.MAX_LENGTH;

    /** Where a value came from (for {@code linkdesk team config} and the settings dialog). */
    public enum Source {
        COMMAND_LINE("--database"), ENVIRONMENT("the environment"), SETTINGS("this computer's team settings"),
        URL("the URL"), PASSWORD_FILE("the password file"), VAULT("the vault"),
        VAULT_LOCKED("the vault (locked)"), OS_USER("the system user"), NONE("nowhere");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What the lookup found: the connection to use, where each part came from, and the display name. */
    public record Resolved(TeamConnection connection, Source urlSource, Source userSource, Source passwordSource,
                           String displayName) {
        @Override
        public String toString() {
            return "Resolved[" + connection + ", url from " + urlSource + ", user from " + userSource
                    + ", password from " + passwordSource + ", name " + displayName + "]";
        }
    }

    /** The values stored on this computer (what the settings dialog edits); no password, only whether one is kept. */
    public record Stored(String url, String user, String displayName, boolean passwordKept) {
    }

    private final Settings url;
    private final Settings user;
    private final Settings password;
    private final Settings name;
    private final Vault vault;
    private final Map<String, String> env;
    private final String osName;
    private final String userHome;
    private final String systemUser;

    /** With this process's environment. */
    public TeamSettings(Database database, Vault vault) {
        this(database, vault, System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("user.home", ""), System.getProperty("user.name", ""));
    }

    public TeamSettings(Database database, Vault vault, Map<String, String> env, String osName, String userHome,
                        String systemUser) {
        this.url = new Settings(database, URL_SETTING);
        this.user = new Settings(database, USER_SETTING);
        this.password = new Settings(database, PASSWORD_SETTING);
        this.name = new Settings(database, NAME_SETTING);
        this.vault = vault;
        this.env = Map.copyOf(env);
        this.osName = osName;
        this.userHome = userHome;
        this.systemUser = systemUser;
    }

    /** The team connection to use, or empty for personal mode; {@code commandLineUrl} is {@code --database} or null. */
    public Optional<Resolved> resolve(String commandLineUrl) {
        Source urlSource;
        String jdbcUrl;
        if (present(commandLineUrl)) {
            urlSource = Source.COMMAND_LINE;
            jdbcUrl = commandLineUrl.strip();
        } else if (present(env.get(URL_VARIABLE))) {
            urlSource = Source.ENVIRONMENT;
            jdbcUrl = env.get(URL_VARIABLE).strip();
        } else if (present(jdbcUrl = url.read())) {
            urlSource = Source.SETTINGS;
            jdbcUrl = jdbcUrl.strip();
        } else {
            return Optional.empty();
        }
        Properties parsed = TeamUrls.parse(jdbcUrl);
        Source userSource = Source.URL;
        String login = parsed.getProperty("user");
        String stored;
        if (present(env.get("PGUSER"))) {
            userSource = Source.ENVIRONMENT;
            login = env.get("PGUSER").strip();
        } else if (present(stored = user.read())) {
            userSource = Source.SETTINGS;
            login = stored.strip();
        } else if (login == null) {
            userSource = Source.OS_USER;
        }
        Password found = password(jdbcUrl, parsed, login);
        Source passwordSource = found.source();
        String secret = found.value();
        return Optional.of(new Resolved(new TeamConnection(jdbcUrl, userSource == Source.URL
                || userSource == Source.OS_USER ? null : login, secret), urlSource, userSource, passwordSource,
                displayName()));
    }

    private record Password(Source source, String value) {
    }

    /** PGPASSWORD, the URL's own, the password file, the vault (in that order) for logging in as {@code login}. */
    private Password password(String jdbcUrl, Properties parsed, String login) {
        if (env.get("PGPASSWORD") != null && !env.get("PGPASSWORD").isEmpty()) {
            return new Password(Source.ENVIRONMENT, env.get("PGPASSWORD"));
        }
        if (parsed.getProperty("password") != null) {
            return new Password(Source.URL, null);
        }
        PgPassFile file = PgPassFile.locate(env, osName, userHome);
        Optional<String> fromFile = file.password(TeamUrls.firstHost(parsed), TeamUrls.firstPort(parsed),
                parsed.getProperty("PGDBNAME"), login == null ? systemUser : login);
        if (fromFile.isPresent()) {
            return new Password(Source.PASSWORD_FILE, fromFile.get());
        }
        if (present(password.read())) {
            return vault.isUnlocked() ? new Password(Source.VAULT, unsealed(password.read()))
                    : new Password(Source.VAULT_LOCKED, null);
        }
        return new Password(Source.NONE, null);
    }

    /**
     * The connection to try for values typed in the settings (before they are saved): {@code typedPassword} when
     * given, else the password the lookup would find for this URL and user. For "Test connection".
     */
    public TeamConnection connectionFor(String jdbcUrl, String login, char[] typedPassword) {
        String u = checkUrl(jdbcUrl);
        String who = blankToNull(login);
        if (typedPassword != null && typedPassword.length > 0) {
            return new TeamConnection(u, who, new String(typedPassword));
        }
        Properties parsed = TeamUrls.parse(u);
        String effective = who != null ? who : parsed.getProperty("user");
        return new TeamConnection(u, who, password(u, parsed, effective).value());
    }

    /** The password kept in the vault, while it is unlocked; empty when none is kept or the vault is locked. */
    public Optional<String> vaultPassword() {
        String sealed = password.read();
        return present(sealed) && vault.isUnlocked() ? Optional.of(unsealed(sealed)) : Optional.empty();
    }

    /** The name links are recorded under: {@code LINKDESK_DISPLAY_NAME}, the stored name, or the OS user. */
    public String displayName() {
        return DisplayName.resolve(env, name::read);
    }

    /** What is stored on this computer. */
    public Stored stored() {
        return new Stored(blankToNull(url.read()), blankToNull(user.read()), blankToNull(name.read()),
                present(password.read()));
    }

    /**
     * Stores the team settings. A blank {@code user} or {@code displayName} removes it (the next source applies);
     * {@code newPassword} null keeps the kept password, empty removes it, else seals and keeps it. All four are
     * checked before anything is written.
     */
    public void save(String jdbcUrl, String login, char[] newPassword, String displayName) {
        String checkedUrl = checkUrl(jdbcUrl);
        String checkedName = checkName(displayName);
        String sealed = null;
        if (newPassword != null && newPassword.length > 0) {
            byte[] plain = toBytes(newPassword);
            try {
                sealed = HexFormat.of().formatHex(vault.seal(plain));
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        }
        url.write(checkedUrl);
        user.write(blankToNull(login));
        name.write(checkedName);
        if (newPassword != null) {
            password.write(sealed);
        }
    }

    /** Stores only the display name (blank: back to the default). */
    public void saveDisplayName(String displayName) {
        name.write(checkName(displayName));
    }

    /** Team mode off on this computer: forgets the URL and the kept password (user and display name stay). */
    public void turnOff() {
        url.write(null);
        password.write(null);
    }

    /** Whether {@code LINKDESK_DATABASE} is set, which keeps team mode on whatever is stored. */
    public boolean environmentUrlSet() {
        return present(env.get(URL_VARIABLE));
    }

    static String checkUrl(String jdbcUrl) {
        if (!present(jdbcUrl)) {
            throw new InvalidInputException("Give the team database's URL, such as "
                    + "jdbc:postgresql://db.example.com/linkdesk.");
        }
        String u = jdbcUrl.strip();
        try {
            new TeamConnection(u, null, null);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        TeamUrls.parse(u);
        if (u.matches("(?i).*[?&]password=.*")) {
            throw new InvalidInputException("Leave the password out of the URL (it would be stored in clear): give "
                    + "it as the password, where it is kept encrypted.");
        }
        return u;
    }

    private static String checkName(String displayName) {
        String n = blankToNull(displayName);
        if (n != null && (n.length() > MAX_NAME_LENGTH || n.chars().anyMatch(Character::isISOControl))) {
            throw new InvalidInputException("A display name is one line of at most " + MAX_NAME_LENGTH
                    + " characters.");
        }
        return n;
    }

    private String unsealed(String hex) {
        byte[] plain = vault.unseal(HexFormat.of().parseHex(hex));
        try {
            return new String(plain, UTF_8);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static byte[] toBytes(char[] chars) {
        java.nio.ByteBuffer buffer = UTF_8.encode(java.nio.CharBuffer.wrap(chars));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
        return bytes;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String blankToNull(String s) {
        return present(s) ? s.strip() : null;
    }
}
