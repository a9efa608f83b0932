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
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries (Spring Modulith) and a few code rules (ArchUnit). */
class ArchitectureTests {

    static final ApplicationModules MODULES = ApplicationModules.of(CdssApplication.class);
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.cdss");

    @Test
    void module_boundaries_hold() {
        MODULES.verify();
    }

    /**
     * Every module names the modules it may use (ADR 0019): without {@code allowedDependencies} Spring Modulith checks
     * only that internals stay hidden, so any new edge between modules would pass unnoticed. The open {@code shared}
     * module is the one exception: it uses no module.
     */
    @Test
    void every_module_declares_its_allowed_dependencies() {
        org.assertj.core.api.Assertions.assertThat(MODULES.stream()).allSatisfy(module -> {
            ApplicationModule declared =
                    packageInfo(module.getBasePackage().getName()).getAnnotation(ApplicationModule.class);
            org.assertj.core.api.Assertions.assertThat(declared)
                    .as("@ApplicationModule on %s", module.getName())
                    .isNotNull();
            if (declared.type() == ApplicationModule.Type.OPEN) {
                org.assertj.core.api.Assertions.assertThat(module.getName()).isEqualTo("shared");
                return;
            }
            org.assertj.core.api.Assertions.assertThat(declared.allowedDependencies())
                    .as("allowedDependencies of %s", module.getName())
                    .doesNotContain(ApplicationModule.OPEN_TOKEN)
                    .contains("shared");
        });
    }

    /** Listeners depend on a module's events, not on its services: the event types form the named interface. */
    @Test
    void events_are_named_interfaces() {
        org.assertj.core.api.Assertions.assertThat(MODULES.getModuleByName("orders")
                        .orElseThrow()
                        .getNamedInterfaces()
                        .getByName("events")
                        .orElseThrow()
                        .asJavaClasses()
                        .map(com.tngtech.archunit.core.domain.JavaClass::getSimpleName))
                .contains("OrderStatusChanged", "OrderResultRecorded");
        org.assertj.core.api.Assertions.assertThat(MODULES.getModuleByName("scheduling")
                        .orElseThrow()
                        .getNamedInterfaces()
                        .getByName("events")
                        .orElseThrow()
                        .asJavaClasses()
                        .map(com.tngtech.archunit.core.domain.JavaClass::getSimpleName))
                .contains("AppointmentChanged");
    }

    /** Every package of the application is {@code @NullMarked}: unannotated means non-null (JSpecify). */
    @Test
    void every_package_is_null_marked() {
        java.util.Set<String> packages = new java.util.TreeSet<>();
        CLASSES.forEach(c -> packages.add(c.getPackageName()));
        org.assertj.core.api.Assertions.assertThat(packages)
                .isNotEmpty()
                .allSatisfy(name -> org.assertj.core.api.Assertions.assertThat(
                                packageInfo(name).isAnnotationPresent(org.jspecify.annotations.NullMarked.class))
                        .as("@NullMarked on package %s", name)
                        .isTrue());
    }

    private static Class<?> packageInfo(String packageName) {
        try {
            return Class.forName(packageName + ".package-info");
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no package-info.java in " + packageName, e);
        }
    }

    @Test
    void module_map_is_documented() throws Exception {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("target/modulith-docs"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        org.assertj.core.api.Assertions.assertThat(Files.exists(Path.of("target/modulith-docs/components.puml")))
                .isTrue();
    }

    @Test
    void no_legacy_date_types() {
        // the FHIR facade only: HAPI FHIR's model and search parameters are java.util.Date-based (ADR 0030)
        noClasses()
                .that()
                .resideOutsideOfPackage("org.cdss.fhir..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.util.Date")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.util.Calendar")
                .check(CLASSES);
    }

    @Test
    void no_field_injection() {
        fields().should()
                .notBeAnnotatedWith("org.springframework.beans.factory.annotation.Autowired")
                .check(CLASSES);
    }

    @Test
    void controllers_are_never_transactional() {
        classes()
                .that()
                .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .should()
                .notBeAnnotatedWith("org.springframework.transaction.annotation.Transactional")
                .check(CLASSES);
        noMethods()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .should()
                .beAnnotatedWith("org.springframework.transaction.annotation.Transactional")
                .check(CLASSES);
    }

    @Test
    void controllers_are_package_private() {
        classes()
                .that()
                .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .should()
                .notBePublic()
                .check(CLASSES);
    }
}
