package org.linkdesk.ui.common;

import org.linkdesk.core.s3.S3Exception;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.store.StoreException;
import org.linkdesk.store.VaultLockedException;
import org.linkdesk.store.WrongPasswordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns an exception into the short sentence the UI shows, logging it once (without secrets) when unexpected. */
public final class UserMessages {
    private static final Logger LOG = LoggerFactory.getLogger(UserMessages.class);

    private UserMessages() {
    }

    public static String describe(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof InvalidInputException || e instanceof S3Exception || e instanceof StoreException
                || e instanceof VaultLockedException || e instanceof WrongPasswordException) {
            LOG.debug("Shown to the user: {}", e.getMessage());
            return e.getMessage();
        }
        LOG.error("Unexpected error", e);
        return "Something went wrong (" + e.getClass().getSimpleName() + "). Details are in the log; please try again.";
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof java.util.concurrent.ExecutionException || e instanceof java.util.concurrent.CompletionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
