package org.linkdesk.team;

import org.linkdesk.store.StoreException;

/**
 * A team history row whose signed URL is sealed to another member's vault (or to this member's vault on another
 * computer): only its maker can copy it; renewing it makes a link of one's own.
 */
public final class NotYourLinkException extends StoreException {
    private static final long serialVersionUID = 1L;
    private final String madeBy;

    NotYourLinkException(String madeBy, boolean mine) {
        super(mine
                ? "You made this link on another computer: only Linkdesk there can copy it. Renew makes one here."
                : "Made by " + madeBy + " — only " + madeBy + " can copy this link; Renew makes your own.");
        this.madeBy = madeBy;
    }

    /** Who made the link (their display name). */
    public String madeBy() {
        return madeBy;
    }
}
