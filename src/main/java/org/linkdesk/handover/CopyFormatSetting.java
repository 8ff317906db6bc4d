package org.linkdesk.handover;

import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.store.Database;
import org.linkdesk.store.Settings;

/** The format "Copy" and Ctrl+C use for a link (URL unless the user chose another); kept in the settings table. */
public final class CopyFormatSetting {
    static final String KEY = "ui.copyFormat";
    private final Settings setting;

    public CopyFormatSetting(Database database) {
        this.setting = new Settings(database, KEY);
    }

    /** The stored format; {@link LinkFormat#URL} when none was stored or the value is unknown. */
    public LinkFormat format() {
        String value = setting.read();
        if (value == null) {
            return LinkFormat.URL;
        }
        try {
            return LinkFormat.parse(value);
        } catch (InvalidInputException e) {
            return LinkFormat.URL;
        }
    }

    public void setFormat(LinkFormat format) {
        setting.write(format.id());
    }
}
