package org.linkdesk.store;

import java.util.Locale;

/** The window theme the user chose (Light, Dark, or follow the system); kept in the {@code settings} table. */
public final class ThemeSetting {
    static final String KEY = "ui.theme";

    /** The choices. */
    public enum Choice {
        LIGHT("Light"), DARK("Dark"), SYSTEM("Follow the system");

        private final String label;

        Choice(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Settings setting;

    public ThemeSetting(Database database) {
        this.setting = new Settings(database, KEY);
    }

    /** The stored choice; {@link Choice#SYSTEM} when none was stored or the value is unknown. */
    public Choice choice() {
        String value = setting.read();
        if (value == null) {
            return Choice.SYSTEM;
        }
        try {
            return Choice.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Choice.SYSTEM;
        }
    }

    public void setChoice(Choice choice) {
        setting.write(choice.name().toLowerCase(Locale.ROOT));
    }
}
