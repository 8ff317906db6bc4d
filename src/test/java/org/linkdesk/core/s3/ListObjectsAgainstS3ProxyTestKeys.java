package org.linkdesk.core.s3;

import java.util.List;

/** The awkward keys of {@link ListObjectsAgainstS3ProxyTest}, for other test packages. */
public final class ListObjectsAgainstS3ProxyTestKeys {
    public static final List<String> AWKWARD = ListObjectsAgainstS3ProxyTest.AWKWARD;

    private ListObjectsAgainstS3ProxyTestKeys() {
    }
}
