package org.linkdesk.handover;

/**
 * The outcome of testing a link.
 *
 * @param ok          whether the link works
 * @param status      the HTTP status of the answer (0 when there was none)
 * @param diagnosis   what was found
 * @param detail      what happened and what to do, in plain words
 * @param skewSeconds the server's clock minus this computer's, from the answer's {@code Date}; null without one
 * @param size        the object's size when the answer gave it, else null
 * @param contentType the object's type when the answer gave it, else null
 */
public record LinkTestResult(boolean ok, int status, Diagnosis diagnosis, String detail, Long skewSeconds, Long size,
                             String contentType) {

    static LinkTestResult failed(int status, Diagnosis diagnosis, String detail, Long skewSeconds) {
        return new LinkTestResult(false, status, diagnosis, detail, skewSeconds, null, null);
    }
}
