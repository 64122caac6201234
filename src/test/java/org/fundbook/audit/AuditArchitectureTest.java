package org.fundbook.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The journal's derivation, the hash chain and the report's facts stay plain Java, tested directly. */
@AnalyzeClasses(packages = {"org.fundbook.audit", "org.fundbook.reporting"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class AuditArchitectureTest {

    private static final String[] FRAMEWORKS = {"org.springframework..", "org.axonframework..", "jakarta..",
            "com.fasterxml..", "java.sql..", "io.micrometer.."};

    @ArchTest
    static final ArchRule journalUsesNoFramework = noClasses()
            .that().resideInAPackage("org.fundbook.audit.journal..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS);

    @ArchTest
    static final ArchRule pureCalculationsUseNoFramework = classes()
            .that().haveFullyQualifiedName(HashChain.class.getName())
            .or().haveFullyQualifiedName("org.fundbook.reporting.AllocationFacts")
            .or().haveFullyQualifiedName("org.fundbook.reporting.Period")
            .should().onlyDependOnClassesThat().resideOutsideOfPackages(FRAMEWORKS);
}
