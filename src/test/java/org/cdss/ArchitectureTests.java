package org.cdss;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries (Spring Modulith) and a few code rules (ArchUnit). */
class ArchitectureTests {

    static final ApplicationModules MODULES = ApplicationModules.of(CdssApplication.class);
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.cdss");

    @Test
    void module_boundaries_hold() {
        MODULES.verify();
    }

    @Test
    void module_map_is_documented() throws Exception {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("target/modulith-docs"))
                .writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        org.assertj.core.api.Assertions.assertThat(Files.exists(Path.of("target/modulith-docs/components.puml")))
                .isTrue();
    }

    @Test
    void no_legacy_date_types() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.util.Date")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Calendar")
                .check(CLASSES);
    }

    @Test
    void no_field_injection() {
        fields().should().notBeAnnotatedWith("org.springframework.beans.factory.annotation.Autowired")
                .check(CLASSES);
    }

    @Test
    void controllers_are_never_transactional() {
        classes().that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .should().notBeAnnotatedWith("org.springframework.transaction.annotation.Transactional")
                .check(CLASSES);
        noMethods().that().areDeclaredInClassesThat()
                .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .should().beAnnotatedWith("org.springframework.transaction.annotation.Transactional")
                .check(CLASSES);
    }

    @Test
    void controllers_are_package_private() {
        classes().that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .should().notBePublic().check(CLASSES);
    }
}
