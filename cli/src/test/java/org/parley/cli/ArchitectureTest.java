package org.parley.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.net.URL;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The light core stays light: nothing in core reaches into io, store, web, cli or a library; no package cycle. */
class ArchitectureTest {

    /** Only Parley's own jars or class folders: scanning the whole class path is slow. */
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importUrls(List.of(where(org.parley.engine.Problem.class), where(org.parley.io.Scenarios.class),
                    where(org.parley.store.Store.class), where(Parley.class)));

    private static URL where(Class<?> c) {
        return c.getProtectionDomain().getCodeSource().getLocation();
    }

    @Test
    void coreImportsNothingFromTheEdges() {
        noClasses().that().resideInAnyPackage("org.parley.model..", "org.parley.engine..", "org.parley.models..",
                        "org.parley.montecarlo..", "org.parley.backtest..", "org.parley.sweep..")
                .should().dependOnClassesThat().resideInAnyPackage("org.parley.io..", "org.parley.store..",
                        "org.parley.web..", "org.parley.cli..", "org.parley.spark..", "org.parley.nlp..",
                        "picocli..", "org.snakeyaml..", "com.fasterxml..", "io.javalin..")
                .check(classes);
    }

    @Test
    void onlyTheSparkModuleKnowsSpark() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
                .check(classes);
    }

    @Test
    void ioDoesNotReachIntoTheCli() {
        noClasses().that().resideInAnyPackage("org.parley.io..")
                .should().dependOnClassesThat().resideInAnyPackage("org.parley.cli..", "picocli..")
                .check(classes);
    }

    @Test
    void noPackageCyclesInCoreIoStoreAndCli() {
        slices().matching("org.parley.(**)").should().beFreeOfCycles().check(classes);
    }
}
