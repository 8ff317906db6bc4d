package org.linkdesk.store;

/** Whether a file's link is copied when its upload finishes (default: copy); kept in the {@code settings} table. */
public final class UploadCopySetting {
    static final String KEY = "upload.copy_link";

    private final Settings setting;

    public UploadCopySetting(Database database) {
        this.setting = new Settings(database, KEY);
    }

    public boolean copies() {
        String value = setting.read();
        return !"false".equals(value);
    }

    public void setCopies(boolean copy) {
        setting.write(Boolean.toString(copy));
    }
}
