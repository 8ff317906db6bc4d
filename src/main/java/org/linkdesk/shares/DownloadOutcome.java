package org.linkdesk.shares;

/** What a download request gets: the share to redirect to, or why not. */
public sealed interface DownloadOutcome {
    record Granted(ProtectedShare share) implements DownloadOutcome {
    }

    record NotFound() implements DownloadOutcome {
    }

    record Gone(ShareState state) implements DownloadOutcome {
    }

    /** No password given, or a wrong one. */
    record WrongPassword(boolean given) implements DownloadOutcome {
    }
}
