package org.linkdesk.ui.common;

/** Where "Copy" puts text; the FX clipboard in the app, a field in tests. */
@FunctionalInterface
public interface TextClipboard {
    void put(String text);

    /** The system clipboard (call on the FX thread). */
    static TextClipboard system() {
        return text -> {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(text);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        };
    }
}
