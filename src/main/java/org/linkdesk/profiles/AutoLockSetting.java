package org.linkdesk.profiles;

import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.store.Database;
import org.linkdesk.store.Settings;

/** After how many idle minutes the window locks itself (0: never); kept in the {@code settings} table. */
public final class AutoLockSetting {
    static final String KEY = "security.auto_lock_minutes";
    public static final int DEFAULT_MINUTES = 15;
    public static final int MAX_MINUTES = 24 * 60;

    private final Settings setting;

    public AutoLockSetting(Database database) {
        this.setting = new Settings(database, KEY);
    }

    public int minutes() {
        String value = setting.read();
        try {
            return value == null ? DEFAULT_MINUTES : Math.max(0, Math.min(MAX_MINUTES, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            return DEFAULT_MINUTES;
        }
    }

    public void setMinutes(int minutes) {
        if (minutes < 0 || minutes > MAX_MINUTES) {
            throw new InvalidInputException("Auto-lock takes 0 (never) to " + MAX_MINUTES + " minutes.");
        }
        setting.write(Integer.toString(minutes));
    }
}
