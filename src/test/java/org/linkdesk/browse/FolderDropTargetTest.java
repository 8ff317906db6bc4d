package org.linkdesk.browse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FolderDropTargetTest {
    private static BrowserEntry folder(String key) {
        return new BrowserEntry(key, key, true, 0, null, null, null);
    }

    private static BrowserEntry object(String key) {
        return new BrowserEntry(key, key, false, 3, Instant.EPOCH, "\"e\"", "STANDARD");
    }

    @Test
    void filesDroppedOnAFolderRowGoIntoThatFolder() {
        assertThat(FolderDropTarget.prefixFor(folder("photos/2026/"), "photos/")).isEqualTo("photos/2026/");
    }

    @Test
    void filesDroppedOnAnObjectOrAnEmptyRowGoToTheFolderShown() {
        assertThat(FolderDropTarget.prefixFor(object("photos/a.jpg"), "photos/")).isEqualTo("photos/");
        assertThat(FolderDropTarget.prefixFor(null, "photos/")).isEqualTo("photos/");
        assertThat(FolderDropTarget.prefixFor(null, null)).isEmpty();
    }
}
