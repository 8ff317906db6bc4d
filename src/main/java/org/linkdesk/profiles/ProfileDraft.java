package org.linkdesk.profiles;

import java.util.List;

/**
 * What the user typed in the profile dialog. On update, a null or empty secret (or token, with
 * {@code keepSessionToken}) keeps the stored one.
 */
public record ProfileDraft(String name, String accessKeyId, String secretAccessKey, String sessionToken,
                           boolean keepSessionToken, String region, String endpointUrl, boolean pathStyle) {

    /** Problems a user must fix, each a sentence; empty when the draft can be saved. {@code creating}: a secret is required. */
    public List<String> problems(boolean creating) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public String toString() {
        return "ProfileDraft[" + name + ", " + accessKeyId + ", " + region + ", " + endpointUrl + "]";
    }
}
