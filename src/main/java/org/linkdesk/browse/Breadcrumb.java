package org.linkdesk.browse;

import java.util.function.Consumer;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** "bucket › folder › sub": every part but the last opens that folder; scrolled so the last part shows. */
final class Breadcrumb {
    private final HBox box;
    private final Consumer<String> openFolder;

    Breadcrumb(HBox box, ScrollPane scroll, Consumer<String> openFolder) {
        this.box = box;
        this.openFolder = openFolder;
        box.widthProperty().addListener(o -> scroll.setHvalue(1));
    }

    void show(String bucket, String prefix) {
        box.getChildren().clear();
        if (bucket.isEmpty()) {
            Label none = new Label("No bucket open");
            none.getStyleClass().add("hint");
            box.getChildren().add(none);
            return;
        }
        add(bucket, "", prefix.isEmpty());
        int from = 0;
        while (from < prefix.length()) {
            int slash = prefix.indexOf('/', from);
            int end = slash < 0 ? prefix.length() : slash + 1;
            Label separator = new Label("›");
            separator.getStyleClass().add("crumb-separator");
            box.getChildren().add(separator);
            String segment = prefix.substring(from, slash < 0 ? end : slash);
            add(segment.isEmpty() ? "(empty)" : segment, prefix.substring(0, end), end == prefix.length());
            from = end;
        }
    }

    private void add(String text, String target, boolean current) {
        if (current) {
            Label label = new Label(text);
            label.getStyleClass().add("crumb-current");
            label.setMinWidth(Region.USE_PREF_SIZE);
            box.getChildren().add(label);
        } else {
            Hyperlink link = new Hyperlink(text);
            link.setMinWidth(Region.USE_PREF_SIZE);
            link.setOnAction(e -> openFolder.accept(target));
            box.getChildren().add(link);
        }
    }
}
