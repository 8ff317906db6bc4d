package org.linkdesk.history;

import org.linkdesk.core.sign.InvalidInputException;

/** An export file that cannot be imported; the message names the line and field. Nothing was imported. */
public class HistoryFileException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public HistoryFileException(String message) {
        super(message);
    }
}
