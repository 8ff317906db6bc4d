package org.linkdesk.upload;

import java.util.Locale;
import org.linkdesk.store.Database;
import org.linkdesk.store.Settings;

/** What the upload queue puts before names (nothing, today's date, a random folder); kept in the settings table. */
public final class UniquePrefixSetting {
    static final String KEY = "upload.unique_prefix";

    private final Settings setting;

    public UniquePrefixSetting(Database database) {
        this.setting = new Settings(database, KEY);
    }

    /** The stored choice; {@link UniquePrefix#NONE} when none was stored or the value is unknown. */
    public UniquePrefix prefix() {
        String value = setting.read();
        if (value != null) {
            for (UniquePrefix p : UniquePrefix.values()) {
                if (p.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
                    return p;
                }
            }
        }
        return UniquePrefix.NONE;
    }

    public void setPrefix(UniquePrefix prefix) {
        setting.write((prefix == null ? UniquePrefix.NONE : prefix).name().toLowerCase(Locale.ROOT));
    }
}
