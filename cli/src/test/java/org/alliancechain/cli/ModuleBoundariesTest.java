package org.alliancechain.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of ARCHITECTURE.md. Maven already forbids undeclared module dependencies at
 * compile time; these rules also pin the third-party ones (Netty only in p2p, picocli only in cli)
 * and keep the one-way arrows even if someone adds a dependency to a pom.
 */
class ModuleBoundariesTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importAll() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.alliancechain");
  }

  private static void check(ArchRule rule) {
    rule.check(classes);
  }

  @Test
  void nodeCoreDependsOnNoOtherModule() {
    check(
        noClasses()
            .that()
            .resideInAPackage("org.alliancechain.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "org.alliancechain.contracts..",
                "org.alliancechain.token..",
                "org.alliancechain.consensus..",
                "org.alliancechain.p2p..",
                "org.alliancechain.config..",
                "org.alliancechain.cli.."));
  }

  @Test
  void consensusAndP2pNeverSeeTheApplicationModules() {
    check(
        noClasses()
            .that()
            .resideInAnyPackage("org.alliancechain.consensus..", "org.alliancechain.p2p..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "org.alliancechain.token..",
                "org.alliancechain.contracts..",
                "org.alliancechain.config..",
                "org.alliancechain.cli.."));
  }

  @Test
  void contractsDependOnlyOnNodeCore() {
    check(
        noClasses()
            .that()
            .resideInAPackage("org.alliancechain.contracts..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "org.alliancechain.token..",
                "org.alliancechain.consensus..",
                "org.alliancechain.p2p..",
                "org.alliancechain.config..",
                "org.alliancechain.cli.."));
  }

  @Test
  void tokenNeverSeesNetworkConsensusConfigOrCli() {
    check(
        noClasses()
            .that()
            .resideInAPackage("org.alliancechain.token..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "org.alliancechain.consensus..",
                "org.alliancechain.p2p..",
                "org.alliancechain.config..",
                "org.alliancechain.cli.."));
  }

  @Test
  void configDependsOnlyOnNodeCore() {
    check(
        noClasses()
            .that()
            .resideInAPackage("org.alliancechain.config..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "org.alliancechain.contracts..",
                "org.alliancechain.token..",
                "org.alliancechain.consensus..",
                "org.alliancechain.p2p..",
                "org.alliancechain.cli.."));
  }

  @Test
  void nettyStaysInsideP2p() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackage("org.alliancechain.p2p..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.netty.."));
  }

  @Test
  void picocliStaysInsideCli() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackage("org.alliancechain.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("picocli.."));
  }
}
