package org.linkdesk.handover.ui;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.core.sign.S3Endpoint;
import org.linkdesk.core.sign.S3Names;
import org.linkdesk.handover.KeyNames;
import org.linkdesk.handover.KeyWarning;

/**
 * What the link form shows about the key and download name as they are typed: warnings about odd keys, the encoded
 * path the key becomes, and the Content-Disposition header a download name makes.
 */
public final class KeyPreviewModel {
    private final KeyNames names = new KeyNames();
    private final ReadOnlyStringWrapper warnings = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper pathPreview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper headerPreview = new ReadOnlyStringWrapper("");

    public KeyPreviewModel(ObservableValue<String> bucket, ObservableValue<String> key,
                           ObservableValue<HttpMethod> method, ObservableValue<String> downloadName,
                           ObservableValue<Boolean> inline, Supplier<S3Endpoint> endpoint, Observable... alsoOn) {
        Runnable update = () -> update(bucket.getValue(), key.getValue(), method.getValue(), downloadName.getValue(),
                Boolean.TRUE.equals(inline.getValue()), endpoint.get());
        for (Observable o : new Observable[] {bucket, key, method, downloadName, inline}) {
            o.addListener(x -> update.run());
        }
        for (Observable o : alsoOn) {
            o.addListener(x -> update.run());
        }
        update.run();
    }

    private void update(String bucket, String key, HttpMethod method, String downloadName, boolean inline,
                        S3Endpoint endpoint) {
        String k = key == null ? "" : key;
        List<KeyWarning> found = names.warnings(k);
        warnings.set(String.join("\n", found.stream().map(w -> "⚠ " + w.message()).toList()));
        refused.set(names.refuses(found));
        String b = bucket == null ? "" : bucket.strip();
        boolean valid = !k.isEmpty() && S3Names.bucketProblem(b).isEmpty() && S3Names.keyProblem(k).isEmpty();
        pathPreview.set(valid && endpoint != null && !found.isEmpty()
                ? "The link will point at " + names.encodedPathPreview(endpoint, b, k) : "");
        boolean named = downloadName != null && !downloadName.isBlank();
        headerPreview.set(method == HttpMethod.GET && (named || inline)
                ? "The download comes with " + names.contentDispositionPreview(inline, named ? downloadName : null)
                : "");
    }

    /** One line per warning, empty for an ordinary key. */
    public ReadOnlyStringProperty warningsProperty() {
        return warnings.getReadOnlyProperty();
    }

    /** Whether a warning is serious enough that the CLI refuses such a key ({@code ..}, too long). */
    public ReadOnlyBooleanProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    /** The URL without its query, shown when the key is odd, so people see what the key becomes. */
    public ReadOnlyStringProperty pathPreviewProperty() {
        return pathPreview.getReadOnlyProperty();
    }

    /** "The download comes with Content-Disposition: attachment; filename=…", for GET links with a name. */
    public ReadOnlyStringProperty headerPreviewProperty() {
        return headerPreview.getReadOnlyProperty();
    }
}
