package org.linkdesk.cli;

import java.util.List;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.handover.KeyNames;
import org.linkdesk.handover.KeyWarning;

/** Warns on stderr about odd keys before signing, and refuses the dangerous ones unless told otherwise. */
final class KeyChecks {
    private KeyChecks() {
    }

    static void check(CliIo io, String bucket, String key, boolean allowOdd) {
        KeyNames names = new KeyNames();
        List<KeyWarning> warnings = names.warnings(key);
        if (warnings.isEmpty()) {
            return;
        }
        if (names.refuses(warnings) && !allowOdd) {
            throw new InvalidInputException("s3://" + bucket + "/" + key + ": " + warnings.get(0).message()
                    + " Not signed; add --allow-odd-key to sign it anyway.");
        }
        for (KeyWarning w : warnings) {
            io.warn("s3://" + bucket + "/" + key + ": " + w.message());
        }
    }
}
