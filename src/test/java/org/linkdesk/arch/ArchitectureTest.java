package org.linkdesk.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering (docs/ARCHITECTURE.md): a JavaFX-free core, store, service root and CLI; the CLI independent of the GUI;
 * view models free of controls and views; no package cycles.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.linkdesk");
    }

    @Test
    void coreImportsNoJavaFx() {
        noClasses().that().resideInAnyPackage("org.linkdesk.core..", "org.linkdesk.store..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void servicesAndCliImportNoJavaFx() {
        noClasses().that().haveSimpleNameEndingWith("Service").or().resideInAPackage("org.linkdesk.cli..")
                .or().haveSimpleName("Services").or().haveSimpleName("Launcher")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void sharesAndGatewayImportNoJavaFxNorGui() {
        noClasses().that().resideInAnyPackage("org.linkdesk.shares..", "org.linkdesk.gateway..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                        "org.linkdesk.ui..", "org.linkdesk.app..", "org.linkdesk.browse..", "org.linkdesk.history..",
                        "org.linkdesk.links..", "org.linkdesk.profiles..", "org.linkdesk.cli..")
                .check(classes);
    }

    @Test
    void teamStoreImportsNoJavaFxNorGui() {
        noClasses().that().resideInAPackage("org.linkdesk.team").should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "org.linkdesk.ui..",
                        "org.linkdesk.app..", "org.linkdesk.cli..")
                .check(classes);
    }

    @Test
    void coreDoesNotDependOnFeatures() {
        noClasses().that().resideInAnyPackage("org.linkdesk.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.linkdesk.store..", "org.linkdesk.profiles..",
                        "org.linkdesk.links..", "org.linkdesk.history..", "org.linkdesk.browse..", "org.linkdesk.cli..",
                        "org.linkdesk.app..", "org.linkdesk.ui..")
                .check(classes);
    }

    @Test
    void theServiceRootAndTheCliDoNotDependOnTheGui() {
        noClasses().that().resideInAnyPackage("org.linkdesk.cli..", "org.linkdesk.wiring..", "org.linkdesk.core..",
                        "org.linkdesk.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.linkdesk.app..", "org.linkdesk.ui..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("View")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("ViewModel")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Dialog")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Dialogs")
                .check(classes);
    }

    @Test
    void wiringIsFreeOfJavaFx() {
        noClasses().that().resideInAnyPackage("org.linkdesk.wiring..", "org.linkdesk.ui.theme..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
                .check(classes);
    }

    @Test
    void viewModelsUseNoControlsAndNoViews() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "org.controlsfx..", "atlantafx..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("View")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Dialog")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Pane")
                .check(classes);
    }

    @Test
    void theTaskApiIsFreeOfJavaFxButItsFxRunner() {
        noClasses().that().resideInAPackage("org.linkdesk.ui.tasks..").and().doNotHaveSimpleName("FxTaskRunner")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.linkdesk.(**)").should().beFreeOfCycles().check(classes);
    }
}
