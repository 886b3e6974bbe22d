package org.alliancechain.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

// SPEC M-30: one spec file; validated as a whole, every error with its path.
class SpecParserTest {

  private static List<String> errorPaths(String yaml) {
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> SpecParser.parse("spec.yaml", yaml));
    assertThat(e).as("expected the spec to be refused").isNotNull();
    return e.errors().stream().map(ConfigError::path).toList();
  }

  @Test
  void embeddedSpecsAreValid() throws ConfigException {
    AllianceSpec coop = SpecParser.parse("coop", ExampleSpecs.text(ExampleSpecs.COOPERATIVE));
    assertThat(coop.mode()).isEqualTo(Mode.COOPERATIVE);
    assertThat(coop.validators()).hasSize(4);
    assertThat(coop.parameters().get(Parameter.DAO_VOTING_PERIOD_BLOCKS)).isEqualTo(10);
    assertThat(coop.committee()).isEmpty();

    AllianceSpec comp = SpecParser.parse("comp", ExampleSpecs.text(ExampleSpecs.COMPETITIVE));
    assertThat(comp.mode()).isEqualTo(Mode.COMPETITIVE);
    // SPEC M-24: the committee defaults to one representative of every member.
    assertThat(comp.committee()).containsExactly("orion", "pulsar", "quasar", "rigel");
    assertThat(comp.member("pulsar").orElseThrow().roles()).contains(Role.PRIVATE_ALLIANCE);
    assertThat(comp.parameters().get(Parameter.TRUST_BETA)).isEqualTo(600_000);
    // Every member runs a corporation node even when the spec lists only other roles.
    assertThat(comp.members()).allMatch(m -> m.roles().contains(Role.CORPORATION));
  }

  @Test
  void listsEveryErrorWithItsPath() {
    String yaml =
        """
        alliance: {name: X, chain-id: "bad id", mode: cooperative, gateway: nobody, colour: red}
        members:
          - {name: a, roles: [alliance], peer-port: 1, api-port: 2, profile: {size: huge}}
          - {name: a, roles: [alliance, wizard], peer-port: 1, api-port: 70000}
          - {name: c, roles: [private-alliance], peer-port: 3, api-port: 4, small-alliance: [zed]}
        parameters: {trust-alpha: 11.5, batch-tx-max: 2.5, no-such-thing: 1}
        """;
    assertThat(errorPaths(yaml))
        .contains(
            "alliance.colour",
            "alliance.chain-id",
            "alliance.gateway",
            "members[0].profile.size",
            "members[1].roles[1]",
            "members[1].api-port",
            "members[1].name",
            "members[1].peer-port",
            "members[2].roles",
            "members[2].small-alliance[0]",
            "members",
            "parameters.trust-alpha",
            "parameters.batch-tx-max",
            "parameters.no-such-thing");
  }

  @Test
  void refusesAValidatorSetTooSmallToTolerateAFault() {
    String yaml =
        """
        alliance: {name: X, chain-id: x-1, mode: cooperative, gateway: a}
        members:
          - {name: a, roles: [alliance], peer-port: 1, api-port: 2}
          - {name: b, roles: [alliance], peer-port: 3, api-port: 4}
          - {name: c, roles: [alliance], peer-port: 5, api-port: 6}
          - {name: d, roles: [corporation], peer-port: 7, api-port: 8}
        """;
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> SpecParser.parse("spec.yaml", yaml));
    assertThat(e.getMessage()).contains("members: 3 alliance (validator) nodes; at least 4");
  }

  @Test
  void malformedYamlNamesTheLine() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () -> SpecParser.parse("spec.yaml", "alliance:\n  name: [unclosed\nmembers: []\n"));
    assertThat(e.getMessage()).contains("not valid YAML").contains("line");
  }

  @Test
  void fixedPointParametersNeverGoThroughFloatingPoint() {
    // 0.1 has no exact binary form; it must still become exactly 100,000 micros.
    assertThat(Parameter.TRUST_GAMMA.parse("0.1")).isEqualTo(100_000);
    assertThat(Parameter.TRUST_THRESHOLD.parse("0.25")).isEqualTo(250_000);
    assertThat(Parameter.TRUST_GAMMA.format(100_000)).isEqualTo("0.1");
    assertThat(
            catchThrowableOfType(
                IllegalArgumentException.class, () -> Parameter.TRUST_GAMMA.parse("0.0000001")))
        .hasMessageContaining("at most 6 places");
  }
}
