package org.linkdesk.handover;

/** What testing a link found, in the words of {@code linkdesk test --json}'s {@code diagnosis} field. */
public enum Diagnosis {
    OK("ok", "Works"),
    EXPIRED("expired", "Expired"),
    NOT_YET_VALID("not-yet-valid", "Not valid yet"),
    CLOCK_SKEW("clock-skew", "Clock difference"),
    SIGNATURE_MISMATCH("signature-mismatch", "Signature does not match"),
    WRONG_REGION("wrong-region", "Wrong region"),
    NO_SUCH_BUCKET("no-such-bucket", "No such bucket"),
    NO_SUCH_KEY("no-such-key", "No such object"),
    ACCESS_DENIED("access-denied", "Access denied"),
    NETWORK("network", "No answer");

    private final String id;
    private final String title;

    Diagnosis(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    /** A short title for lists (history, batch results). */
    public String title() {
        return title;
    }
}
