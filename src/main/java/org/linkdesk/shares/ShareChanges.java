package org.linkdesk.shares;

import java.time.Duration;

/**
 * An edit of a share; null fields stay as they are. {@code expiresIn} counts from now. {@code maxDownloads} 0 means
 * unlimited. {@code password}: {@link PasswordChange#SET} with {@code newPassword}, or {@link PasswordChange#REMOVE}.
 */
public record ShareChanges(Duration expiresIn, Integer maxDownloads, PasswordChange password, char[] newPassword) {

    public enum PasswordChange { KEEP, SET, REMOVE }

    public ShareChanges {
        if (password == null) {
            password = PasswordChange.KEEP;
        }
    }
}
