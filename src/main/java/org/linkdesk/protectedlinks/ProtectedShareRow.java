package org.linkdesk.protectedlinks;

import java.time.Instant;
import org.linkdesk.shares.ProtectedShare;

/** A row of the protected-links table, with its state as of the time the list was read. */
public record ProtectedShareRow(ProtectedShare share, Instant now) {

    public String downloadsText() {
        return share.downloads() + " / " + (share.maxDownloads() == null ? "∞" : share.maxDownloads());
    }

    public String statusText() {
        return share.state(now).label() + (share.passwordProtected() ? " · password" : "");
    }
}
