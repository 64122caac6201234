package org.fundbook.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain stays plain: arithmetic without any framework, the aggregate without Spring or the web. */
@AnalyzeClasses(packages = "org.fundbook", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule calculationsUseNoFramework = noClasses()
            .that().resideInAnyPackage("org.fundbook.money..", "org.fundbook.lending..", "org.fundbook.closing..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                    "jakarta..", "com.fasterxml..", "java.sql..")
            .because("interest, splits and premiums are plain arithmetic, tested directly");

    @ArchTest
    static final ArchRule domainKnowsNoSpringOrWeb = noClasses()
            .that().resideInAPackage("org.fundbook.group")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                    "org.fundbook.group.web..", "org.fundbook.group.query..", "org.fundbook.platform..",
                    "org.fundbook.security..", "java.sql..")
            .because("the aggregate decides the rules; adapters depend on it, never the other way round");

    @ArchTest
    static final ArchRule readModelsDoNotReachIntoTheWeb = noClasses()
            .that().resideInAPackage("org.fundbook.group.query..")
            .should().dependOnClassesThat().resideInAnyPackage("org.fundbook.group.web..", "jakarta.servlet..");
}
