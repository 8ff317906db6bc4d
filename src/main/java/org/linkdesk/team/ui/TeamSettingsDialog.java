package org.linkdesk.team.ui;

import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.linkdesk.ui.common.SceneFactory;
import org.linkdesk.ui.common.Styles;

/** "Team database": binds the fields and buttons to {@link TeamSettingsViewModel}; nothing else. */
public final class TeamSettingsDialog {
    private static final ButtonType USE = new ButtonType("Use", ButtonBar.ButtonData.OK_DONE);
    private static final ButtonType TURN_OFF = new ButtonType("Turn off", ButtonBar.ButtonData.LEFT);
    private final Dialog<Void> dialog = new Dialog<>();

    public TeamSettingsDialog(TeamSettingsViewModel model, Window owner, SceneFactory scenes) {
        dialog.initOwner(owner);
        dialog.setTitle("Team database");
        dialog.setHeaderText("Share one history and one set of protected links with your team");
        TextField url = bind(new TextField(), "teamUrl", "jdbc:postgresql://db.example.com/linkdesk",
                model.urlProperty());
        TextField user = bind(new TextField(), "teamUser", "PGUSER or the URL's", model.userProperty());
        PasswordField password = bind(new PasswordField(), "teamPassword", "", model.passwordProperty());
        TextField name = bind(new TextField(), "teamDisplayName", "the system user", model.displayNameProperty());
        CheckBox forget = new CheckBox("Forget the kept password");
        forget.setId("teamForgetPassword");
        forget.selectedProperty().bindBidirectional(model.forgetPasswordProperty());
        Button test = new Button("Test connection");
        test.setId("teamTest");
        test.setOnAction(e -> model.test());
        test.disableProperty().bind(model.busyProperty());
        Label passwordHint = hint();
        passwordHint.textProperty().bind(model.passwordHintProperty());
        Label state = hint();
        state.setMaxWidth(600);
        state.setId("teamState");
        state.textProperty().bind(model.stateProperty());
        Label result = new Label();
        result.setId("teamResult");
        result.setWrapText(true);
        result.setMaxWidth(600);
        result.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        result.getStyleClass().add("outcome");
        result.textProperty().bind(model.resultProperty());
        Styles.bindOutcome(result, model.resultOkProperty());

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.getStyleClass().add("form");
        grid.add(state, 0, 0, 2, 1);
        grid.addRow(1, new Label("Database URL"), url);
        grid.addRow(2, new Label("User"), user);
        grid.addRow(3, new Label("Password"), password);
        grid.add(passwordHint, 1, 4);
        grid.add(forget, 1, 5);
        grid.addRow(6, new Label("Your name"), name);
        grid.add(hint("Shown as \u201cMade by\u201d on the links you make; Mine / Everyone filters by it."), 1, 7);
        grid.add(new HBox(10, test), 1, 8);
        grid.add(result, 0, 9, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setPrefWidth(640);
        dialog.getDialogPane().getButtonTypes().setAll(TURN_OFF, USE, ButtonType.CLOSE);
        scenes.style(dialog);
        dialog.getDialogPane().lookupButton(ButtonType.CLOSE).setId("teamClose");
        Node use = dialog.getDialogPane().lookupButton(USE);
        use.setId("teamUse");
        use.disableProperty().bind(model.busyProperty());
        use.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.use();
        });
        Node off = dialog.getDialogPane().lookupButton(TURN_OFF);
        off.setId("teamTurnOff");
        off.disableProperty().bind(model.busyProperty().or(model.teamOnProperty().not()));
        off.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.turnOff();
        });
        model.load();
    }

    private static <T extends TextField> T bind(T field, String id, String prompt,
                                                         javafx.beans.property.StringProperty value) {
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(32);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static Label hint() {
        Label l = new Label();
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        l.setMaxWidth(460);
        // Wrapped lines need their height: a GridPane row otherwise gets one line and cuts the rest.
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static Label hint(String text) {
        Label l = hint();
        l.setText(text);
        return l;
    }

    public void showAndWait() {
        dialog.showAndWait();
    }
}
