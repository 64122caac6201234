package org.fundbook.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.fundbook.group.GroupCommand;

/**
 * Dependencies point one way. The features' rules (the top package of group, savings, lending, grants and
 * closing, and money) are plain Java over the group's state; their adapters ({@code .web}, {@code .query}) sit
 * beside them and depend on them, never the other way round; the aggregate ({@code ledger}) sits above every
 * feature; no two top-level packages depend on each other ({@link PlatformArchitectureTest}: platform and security).
 */
@AnalyzeClasses(packages = "org.fundbook", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The packages whose classes are the domain: rules, state, events, commands, arithmetic. */
    private static final String[] DOMAIN = {"org.fundbook.money..", "org.fundbook.group", "org.fundbook.savings",
            "org.fundbook.lending", "org.fundbook.grants", "org.fundbook.closing"};

    @ArchTest
    static final ArchRule topLevelPackagesAreFreeOfCycles = slices().matching("org.fundbook.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule domainKnowsNoSpringWebOrDatabase = noClasses()
            .that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "java.sql..",
                    "javax.sql..", "com.fasterxml..", "io.micrometer..", "org.fundbook.platform..",
                    "org.fundbook.security..", "org.fundbook.ledger..", "org.fundbook.web..", "org.fundbook.*.web..",
                    "org.fundbook.*.query..")
            .because("the rules decide on the group's state alone; adapters depend on them, never the other way");

    @ArchTest
    static final ArchRule rulesUseNoFramework = noClasses()
            .that().resideInAnyPackage(DOMAIN)
            .and().doNotBelongToAnyOf(GroupCommand.class)
            .should().dependOnClassesThat().resideInAPackage("org.axonframework..")
            .because("only the commands carry Axon's routing annotation; rules and state are plain Java");

    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOther = noClasses()
            .that().resideInAnyPackage("org.fundbook.savings..", "org.fundbook.lending..", "org.fundbook.grants..",
                    "org.fundbook.closing..")
            .should().dependOnClassesThat().resideInAnyPackage("org.fundbook.ledger..", "org.fundbook.demo..",
                    "org.fundbook.audit..", "org.fundbook.reporting..")
            .because("a feature stands on the group's model, not on what is built on top of the features");

    @ArchTest
    static final ArchRule groupDependsOnNoFeature = noClasses()
            .that().resideInAPackage("org.fundbook.group..")
            .should().dependOnClassesThat().resideInAnyPackage("org.fundbook.savings..", "org.fundbook.lending..",
                    "org.fundbook.grants..", "org.fundbook.closing..", "org.fundbook.ledger..")
            .because("every feature stands on the group's model: it cannot stand on them");

    @ArchTest
    static final ArchRule readModelsDoNotReachIntoTheWeb = noClasses()
            .that().resideInAPackage("org.fundbook.*.query..")
            .should().dependOnClassesThat().resideInAnyPackage("org.fundbook.*.web..", "jakarta.servlet..");
}
