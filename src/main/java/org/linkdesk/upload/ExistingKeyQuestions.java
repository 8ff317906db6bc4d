package org.linkdesk.upload;

import java.util.List;
import org.linkdesk.ui.common.Dialogs;

/** Asks, through {@link Dialogs#choose}, what to do with files whose keys already hold objects. */
public final class ExistingKeyQuestions {
    private static final int LISTED = 5;

    private ExistingKeyQuestions() {
    }

    /** The question for the queue: overwrite, keep both (" (1)" suffix) or skip; cancelling skips them too. */
    public static UploadQueueViewModel.ExistingKeyQuestion asking(Dialogs dialogs) {
        return taken -> dialogs.choose("Files already in the bucket", question(taken),
                List.of(ExistingKeyPolicy.KEEP_BOTH, ExistingKeyPolicy.OVERWRITE, ExistingKeyPolicy.SKIP),
                ExistingKeyPolicy.KEEP_BOTH, ExistingKeyQuestions::label).orElse(ExistingKeyPolicy.SKIP);
    }

    static String question(List<String> taken) {
        String listed = String.join("\n", taken.subList(0, Math.min(LISTED, taken.size())));
        String more = taken.size() > LISTED ? "\n… and " + (taken.size() - LISTED) + " more" : "";
        return (taken.size() == 1 ? "This key already holds an object:" : taken.size()
                + " keys already hold objects:") + "\n" + listed + more;
    }

    static String label(ExistingKeyPolicy policy) {
        return switch (policy) {
            case KEEP_BOTH -> "Keep both (upload as \"name (1)\")";
            case OVERWRITE -> "Overwrite";
            case SKIP -> "Skip these files";
        };
    }
}
