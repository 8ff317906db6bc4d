package org.linkdesk.handover;

/**
 * Something odd about an object key, found before signing.
 *
 * @param kind    what it is
 * @param message a sentence for the user: what it is and what it does
 * @param refused whether signing should stop unless the user insists (a {@code ..} segment, an over-long key)
 */
public record KeyWarning(Kind kind, String message, boolean refused) {

    public enum Kind {
        EDGE_SPACE, DOUBLE_SLASH, LEADING_SLASH, DOT_SEGMENT, DOT_DOT_SEGMENT, INVISIBLE, ODD_SPACE, BIDI_CONTROL,
        CONTROL, LOOK_ALIKE, NOT_NFC, TOO_LONG
    }
}
