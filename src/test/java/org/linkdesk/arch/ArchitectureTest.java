package org.linkdesk.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering the brief asks for: a JavaFX-free core, a JavaFX-free CLI, and no package cycles. */
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
    void coreDoesNotDependOnFeatures() {
        noClasses().that().resideInAnyPackage("org.linkdesk.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.linkdesk.store..", "org.linkdesk.profiles..",
                        "org.linkdesk.links..", "org.linkdesk.history..", "org.linkdesk.browse..", "org.linkdesk.cli..",
                        "org.linkdesk.app..", "org.linkdesk.ui..")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.linkdesk.(**)").should().beFreeOfCycles().check(classes);
    }
}
