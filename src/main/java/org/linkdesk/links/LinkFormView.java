package org.linkdesk.links;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.util.Duration;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import org.controlsfx.validation.ValidationSupport;
import org.linkdesk.core.s3.ObjectInfo;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.handover.ui.HandoverBar;
import org.linkdesk.handover.ui.KeyPreviewModel;
import org.linkdesk.ui.common.Formats;
import org.linkdesk.ui.common.Styles;
import org.linkdesk.ui.common.Fxml;
import org.linkdesk.ui.common.Validation;

/** The "Make a link" form: binds controls to {@link LinkFormViewModel} and forwards clicks. */
public final class LinkFormView {
    private final LinkFormViewModel model;
    private final Parent root;

    @FXML private TextField bucketField;
    @FXML private TextField keyField;
    @FXML private RadioButton getRadio;
    @FXML private RadioButton putRadio;
    @FXML private RadioButton headRadio;
    @FXML private ComboBox<ExpiryPreset> presetBox;
    @FXML private TextField customDurationField;
    @FXML private DatePicker untilDatePicker;
    @FXML private TextField untilTimeField;
    @FXML private Label expirySummaryLabel;
    @FXML private Label expiryWarningLabel;
    @FXML private javafx.scene.layout.HBox regionSuggestionBox;
    @FXML private Label regionSuggestionLabel;
    @FXML private Button regionSuggestionButton;
    @FXML private Label clockWarningLabel;
    @FXML private TitledPane getOptionsPane;
    @FXML private TextField downloadNameField;
    @FXML private CheckBox inlineCheck;
    @FXML private TextField responseContentTypeField;
    @FXML private TextField cacheControlField;
    @FXML private GridPane putOptionsPane;
    @FXML private TextField contentTypeField;
    @FXML private TextField noteField;
    @FXML private Button generateButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label messageLabel;
    @FXML private TextField urlField;
    @FXML private Button copyButton;
    @FXML private Button verifyButton;
    @FXML private Button protectedLinkButton;
    @FXML private Label linkSummaryLabel;
    @FXML private GridPane objectInfoPane;
    @FXML private Label sizeLabel;
    @FXML private Label typeLabel;
    @FXML private Label modifiedLabel;
    @FXML private Label etagLabel;
    @FXML private Label keyWarningLabel;
    @FXML private Label keyPathLabel;
    @FXML private Label headerPreviewLabel;
    @FXML private javafx.scene.layout.VBox handoverSlot;

    public LinkFormView(LinkFormViewModel model) {
        this.model = model;
        this.root = Fxml.load(this, "LinkForm.fxml");
    }

    @FXML
    private void initialize() {
        bucketField.textProperty().bindBidirectional(model.bucketProperty());
        keyField.textProperty().bindBidirectional(model.keyProperty());
        ValidationSupport validation = new ValidationSupport();
        Validation.bind(validation, bucketField, model.bucketProblemProperty());
        Validation.bind(validation, keyField, model.keyProblemProperty());
        Validation.bind(validation, customDurationField, model.expiryProblemProperty());

        ToggleGroup methods = new ToggleGroup();
        getRadio.setToggleGroup(methods);
        putRadio.setToggleGroup(methods);
        headRadio.setToggleGroup(methods);
        getRadio.setUserData(HttpMethod.GET);
        putRadio.setUserData(HttpMethod.PUT);
        headRadio.setUserData(HttpMethod.HEAD);
        methods.selectedToggleProperty().addListener((o, was, is) -> {
            if (is != null) {
                model.methodProperty().set((HttpMethod) is.getUserData());
            }
        });
        show(getOptionsPane, model.methodProperty().isEqualTo(HttpMethod.GET));
        show(putOptionsPane, model.methodProperty().isEqualTo(HttpMethod.PUT));

        presetBox.getItems().setAll(ExpiryPreset.values());
        presetBox.valueProperty().bindBidirectional(model.presetProperty());
        customDurationField.textProperty().bindBidirectional(model.customDurationProperty());
        untilDatePicker.valueProperty().bindBidirectional(model.untilDateProperty());
        untilTimeField.textProperty().bindBidirectional(model.untilTimeProperty());
        show(customDurationField, model.presetProperty().isEqualTo(ExpiryPreset.CUSTOM));
        show(untilDatePicker, model.presetProperty().isEqualTo(ExpiryPreset.UNTIL));
        show(untilTimeField, model.presetProperty().isEqualTo(ExpiryPreset.UNTIL));
        expirySummaryLabel.textProperty().bind(model.expirySummaryProperty());
        Styles.bind(expirySummaryLabel, Styles.ERROR, model.expiryProblemProperty().isNotNull());

        expiryWarningLabel.textProperty().bind(model.expiryWarningProperty());
        show(expiryWarningLabel, model.expiryWarningProperty().isNotEmpty());
        regionSuggestionLabel.textProperty().bind(Bindings.concat("The server says this bucket is in region ",
                model.regionSuggestionProperty(), "."));
        show(regionSuggestionBox, model.regionSuggestionProperty().isNotEmpty());
        regionSuggestionButton.setOnAction(e -> model.acceptRegionSuggestion());
        clockWarningLabel.textProperty().bind(model.clockWarningProperty());
        show(clockWarningLabel, model.clockWarningProperty().isNotEmpty());

        downloadNameField.textProperty().bindBidirectional(model.downloadNameProperty());
        inlineCheck.selectedProperty().bindBidirectional(model.inlineProperty());
        responseContentTypeField.textProperty().bindBidirectional(model.responseContentTypeProperty());
        cacheControlField.textProperty().bindBidirectional(model.cacheControlProperty());
        contentTypeField.textProperty().bindBidirectional(model.contentTypeProperty());
        noteField.textProperty().bindBidirectional(model.noteProperty());

        generateButton.disableProperty().bind(model.canGenerateProperty().not());
        generateButton.setOnAction(e -> model.generate());
        generateButton.setTooltip(new javafx.scene.control.Tooltip(org.linkdesk.ui.common.Shortcuts.withKey(
                "Sign the link and record it", org.linkdesk.ui.common.Shortcuts.GENERATE)));
        busyIndicator.visibleProperty().bind(model.busyProperty());
        messageLabel.textProperty().bind(model.messageProperty());
        Styles.bind(messageLabel, Styles.ERROR, model.messageIsErrorProperty());

        urlField.textProperty().bind(model.urlProperty());
        copyButton.disableProperty().bind(model.canUseLinkProperty().not());
        copyButton.setOnAction(e -> model.copy());
        verifyButton.disableProperty().bind(model.profileProperty().isNull().or(model.busyProperty())
                .or(model.bucketProblemProperty().isNotNull()).or(model.keyProblemProperty().isNotNull()));
        verifyButton.setOnAction(e -> model.verify());
        linkSummaryLabel.textProperty().bind(model.linkSummaryProperty());
        show(linkSummaryLabel, model.linkSummaryProperty().isNotEmpty());

        // The expiry line says "expires 17:40"; keep it true as the minutes pass while the form is open.
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(20), e -> model.refreshExpiry()));
        tick.setCycleCount(Animation.INDEFINITE);
        tick.play();

        bindHandover();
        show(objectInfoPane, model.objectInfoProperty().isNotNull());
        model.objectInfoProperty().addListener((o, was, info) -> showObject(info));
    }

    /** Copy formats, QR code and link test under the link; key warnings and previews in the form. */
    private void bindHandover() {
        HandoverBar bar = new HandoverBar(model.handover());
        handoverSlot.getChildren().setAll(bar.root());
        bar.attachContextMenu(urlField);
        // Ctrl+C on the link (nothing or all of it selected) copies in the default format, like the Copy button.
        var copyKey = new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.C,
                javafx.scene.input.KeyCombination.SHORTCUT_DOWN);
        urlField.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (copyKey.match(e) && (urlField.getSelection().getLength() == 0
                    || urlField.getSelection().getLength() == urlField.getLength())) {
                model.copy();
                e.consume();
            }
        });
        KeyPreviewModel preview = model.keyPreview();
        keyWarningLabel.textProperty().bind(preview.warningsProperty());
        show(keyWarningLabel, preview.warningsProperty().isNotEmpty());
        keyPathLabel.textProperty().bind(preview.pathPreviewProperty());
        show(keyPathLabel, preview.pathPreviewProperty().isNotEmpty());
        headerPreviewLabel.textProperty().bind(preview.headerPreviewProperty());
        show(headerPreviewLabel, preview.headerPreviewProperty().isNotEmpty());
        keyWarningLabel.getStylesheets().add(HandoverBar.class.getResource("handover.css").toExternalForm());
    }

    private void showObject(ObjectInfo info) {
        if (info == null) {
            return;
        }
        sizeLabel.setText(info.size() < 1024 ? info.size() + " bytes"
                : Formats.size(info.size()) + " (" + String.format("%,d", info.size()) + " bytes)");
        typeLabel.setText(info.contentType() == null ? "—" : info.contentType());
        modifiedLabel.setText(info.lastModified() == null ? "—"
                : Formats.dateTime(info.lastModified(), java.time.ZoneId.systemDefault()));
        etagLabel.setText(info.etag() == null ? "—" : info.etag());
    }

    private static void show(javafx.scene.Node node, javafx.beans.value.ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }

    /**
     * Enter generates the link only while {@code showing} holds: the scene has one Enter key for default buttons,
     * and a hidden tab's form (or the one behind the locked window) must not take it from the visible one.
     */
    public void enterGeneratesWhen(javafx.beans.value.ObservableBooleanValue showing) {
        generateButton.defaultButtonProperty().bind(showing);
    }

    /** "Protected link (gateway)…": called with the form's bucket and key. */
    public void setOnProtectedLink(java.util.function.BiConsumer<String, String> action) {
        protectedLinkButton.setOnAction(e -> action.accept(model.bucketProperty().get(), model.keyProperty().get()));
    }

    public Parent root() {
        return root;
    }
}
