package org.linkdesk.profiles;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.linkdesk.profiles.awsconfig.AwsProfile;

/** One line of the import preview: an AWS CLI profile, whether to import it, under which name, and on a clash. */
public final class AwsImportRow {
    private final AwsProfile source;
    private final boolean nameTaken;
    private final BooleanProperty selected;
    private final StringProperty targetName;
    private final ObjectProperty<AwsImport.Clash> onClash = new SimpleObjectProperty<>(AwsImport.Clash.RENAME);

    AwsImportRow(AwsProfile source, boolean nameTaken) {
        this.source = source;
        this.nameTaken = nameTaken;
        this.selected = new SimpleBooleanProperty(AwsImport.importable(source));
        this.targetName = new SimpleStringProperty(source.name());
    }

    public AwsProfile source() {
        return source;
    }

    /** Whether a Linkdesk profile already has this name. */
    public boolean nameTaken() {
        return nameTaken;
    }

    public boolean importable() {
        return AwsImport.importable(source);
    }

    /** "access key ****0001", "AWS SSO session my-sso, role Dev", … never a secret. */
    public String credentialsText() {
        return source.hasStaticKeys() ? source.maskedAccessKeyId() + (source.sessionToken() != null
                ? " + session token ****" : "") : source.detail();
    }

    public String whereText() {
        String where = source.endpointUrl() == null ? "Amazon S3" : source.endpointUrl();
        return (source.region() == null ? "us-east-1 (not set)" : source.region()) + " · " + where
                + (source.pathStyle() ? " · path style" : "");
    }

    public BooleanProperty selectedProperty() { return selected; }
    public StringProperty targetNameProperty() { return targetName; }
    public ObjectProperty<AwsImport.Clash> onClashProperty() { return onClash; }
}
