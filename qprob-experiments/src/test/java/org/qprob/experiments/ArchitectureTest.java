package org.qprob.experiments;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of qprob's modules and packages, checked on the compiled classes of every module on this
 * module's class path (all but the benchmarks and Spark): no cycle between modules or between the packages of any
 * module, and the arrows of the README's module table (api at the bottom; losses and environments on the api alone;
 * agents below the runner; the report reading run folders, never building runs; the runner naming no analysis).
 */
@AnalyzeClasses(packages = "org.qprob", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String[] ABOVE_API = {"org.qprob.losses..", "org.qprob.envs..", "org.qprob.agents..",
      "org.qprob.experiments..", "org.qprob.tensorboard..", "org.qprob.example..", "org.qprob.bench.."};

  @ArchTest
  static final ArchRule modulesHaveNoCycle = slices().matching("org.qprob.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule apiPackagesHaveNoCycle = slices().matching("org.qprob.api.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule agentPackagesHaveNoCycle =
      slices().matching("org.qprob.agents.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule envPackagesHaveNoCycle = slices().matching("org.qprob.envs.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule experimentPackagesHaveNoCycle =
      slices().matching("org.qprob.experiments.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule apiDependsOnNoOtherModule =
      noClasses().that().resideInAPackage("org.qprob.api..").should().dependOnClassesThat()
          .resideInAnyPackage(ABOVE_API);

  @ArchTest
  static final ArchRule lossesAndEnvironmentsDependOnTheApiAlone =
      noClasses().that().resideInAnyPackage("org.qprob.losses..", "org.qprob.envs..").should().dependOnClassesThat()
          .resideInAnyPackage("org.qprob.agents..", "org.qprob.experiments..", "org.qprob.tensorboard..",
              "org.qprob.example..", "org.qprob.bench..");

  @ArchTest
  static final ArchRule lossesAndEnvironmentsAreIndependent =
      noClasses().that().resideInAPackage("org.qprob.losses..").should().dependOnClassesThat()
          .resideInAPackage("org.qprob.envs..");

  @ArchTest
  static final ArchRule agentsKnowNoRunner =
      noClasses().that().resideInAPackage("org.qprob.agents..").should().dependOnClassesThat()
          .resideInAnyPackage("org.qprob.experiments..", "org.qprob.tensorboard..", "org.qprob.example..",
              "org.qprob.bench..");

  @ArchTest
  static final ArchRule tensorBoardFilesStandAlone =
      noClasses().that().resideInAPackage("org.qprob.tensorboard..").should().dependOnClassesThat()
          .resideInAnyPackage("org.qprob.api..", "org.qprob.losses..", "org.qprob.envs..", "org.qprob.agents..",
              "org.qprob.experiments..");

  @ArchTest
  static final ArchRule pluginsUseThePublicContractsOnly =
      noClasses().that().resideInAPackage("org.qprob.example..").should().dependOnClassesThat()
          .resideInAnyPackage("org.qprob.agents..", "org.qprob.experiments..");

  /** Statistics, tables and plots read run folders: they never build a run or depend on an analysis. */
  @ArchTest
  static final ArchRule theReportReadsFiles =
      noClasses().that().resideInAPackage("org.qprob.experiments.report..").should().dependOnClassesThat()
          .resideInAnyPackage("org.qprob.experiments.guice..", "org.qprob.experiments.runner..",
              "org.qprob.experiments.observe..", "org.qprob.experiments.cli..",
              "org.qprob.experiments.calibration..", "org.qprob.experiments.noisychain..", "com.google.inject..");

  /** The run-folder format and run specs know nothing of how runs are wired or executed. */
  @ArchTest
  static final ArchRule theRunFormatKnowsNoWiring =
      noClasses().that().resideInAPackage("org.qprob.experiments.run..").should().dependOnClassesThat()
          .resideInAnyPackage("org.qprob.experiments.guice..", "org.qprob.experiments.runner..",
              "org.qprob.experiments.observe..", "org.qprob.experiments.cli..", "com.google.inject..");

  /** The analyses are found by ServiceLoader (observers and report sections): the runner never names one. */
  @ArchTest
  static final ArchRule theRunnerNamesNoAnalysis =
      noClasses().that().resideInAnyPackage("org.qprob.experiments.guice..", "org.qprob.experiments.runner..",
              "org.qprob.experiments.observe..", "org.qprob.experiments.cli..", "org.qprob.experiments.bench..")
          .should().dependOnClassesThat()
          .resideInAnyPackage("org.qprob.experiments.calibration..", "org.qprob.experiments.noisychain..");

  /** Only the command line depends on the command line. */
  @ArchTest
  static final ArchRule nothingDependsOnTheCli =
      noClasses().that().resideOutsideOfPackage("org.qprob.experiments.cli..").should().dependOnClassesThat()
          .resideInAPackage("org.qprob.experiments.cli..");

  @ArchTest
  static final ArchRule namesSayWhatAThingIs =
      noClasses().should().haveSimpleNameEndingWith("Impl").orShould().haveSimpleNameEndingWith("Manager")
          .orShould().haveSimpleNameEndingWith("Util").orShould().haveSimpleNameEndingWith("Utils");
}
