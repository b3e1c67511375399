package org.parley;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The boundaries inside core: {@code model} <- {@code engine} <- the models, Monte Carlo and
 * backtest; no model package imports another; no package cycle.
 */
class ArchitectureTest {

    private static final String[] ABOVE_ENGINE = {"org.parley.models..", "org.parley.montecarlo..",
        "org.parley.backtest.."};

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.parley");

    @Test
    void theScenarioModelDependsOnNothingElseOfParley() {
        noClasses().that().resideInAPackage("org.parley.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.parley.engine..", "org.parley.models..",
                        "org.parley.montecarlo..", "org.parley.backtest..")
                .check(classes);
    }

    @Test
    void theEngineDependsOnNoModelAndNoAnalysis() {
        noClasses().that().resideInAPackage("org.parley.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(ABOVE_ENGINE)
                .check(classes);
    }

    @Test
    void noModelPackageImportsAnotherOrTheRegistry() {
        slices().matching("org.parley.models.(*)..").should().notDependOnEachOther().check(classes);
        noClasses().that().resideInAPackage("org.parley.models.*..")
                .should().dependOnClassesThat().resideInAPackage("org.parley.models")
                .check(classes);
    }

    @Test
    void modelsDoNotReachIntoTheAnalyses() {
        noClasses().that().resideInAPackage("org.parley.models..")
                .should().dependOnClassesThat().resideInAnyPackage("org.parley.montecarlo..", "org.parley.backtest..")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.parley.(**)").should().beFreeOfCycles().check(classes);
    }
}
