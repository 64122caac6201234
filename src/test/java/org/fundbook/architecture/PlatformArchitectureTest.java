package org.fundbook.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The plumbing points one way: features use {@code platform}, never the reverse; {@code security} knows logins and
 * scopes, not the ledger's features; the ledger's refusal codes know nothing of HTTP (the web layer maps them).
 */
@AnalyzeClasses(packages = "org.fundbook", importOptions = ImportOption.DoNotIncludeTests.class)
class PlatformArchitectureTest {

    @ArchTest
    static final ArchRule platformDependsOnNoFeature = noClasses()
            .that().resideInAPackage("org.fundbook.platform..")
            .should().dependOnClassesThat(resideInAPackage("org.fundbook..")
                    .and(not(resideInAPackage("org.fundbook.platform.."))))
            .because("platform is the plumbing every feature may use; it must not know any of them");

    @ArchTest
    static final ArchRule securityKnowsNoLedgerFeature = noClasses()
            .that().resideInAPackage("org.fundbook.security..")
            .should().dependOnClassesThat().resideInAnyPackage("org.fundbook.group..", "org.fundbook.lending..",
                    "org.fundbook.closing..", "org.fundbook.audit..", "org.fundbook.reporting..",
                    "org.fundbook.demo..", "org.fundbook.web..")
            .because("who may do what is decided before and apart from what the ledger does");

    @ArchTest
    static final ArchRule refusalCodesKnowNoHttp = noClasses()
            .that().haveSimpleName("RefusalCode")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.http..", "jakarta.servlet..")
            .because("the web layer gives each refusal its status");
}
