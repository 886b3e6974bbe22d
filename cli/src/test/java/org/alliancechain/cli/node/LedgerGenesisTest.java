package org.alliancechain.cli.node;

import static org.assertj.core.api.Assertions.assertThat;

import org.alliancechain.config.Parameter;
import org.alliancechain.config.Parameters;
import org.alliancechain.token.state.ParamId;
import org.junit.jupiter.api.Test;

class LedgerGenesisTest {
  /** The spec file's ledger parameters are the token application's, with the same defaults. */
  @Test
  void everyLedgerParameterHasAConfigParameterWithTheSameDefaultAndRange() {
    for (ParamId id : ParamId.values()) {
      Parameter p = LedgerGenesis.configParameter(id);
      assertThat(p.defaultValue()).as("default of %s", p.specName()).isEqualTo(id.defaultValue());
      // K is in the ledger only for the validator-change rule; the DAO cannot change it
      assertThat(p.governable())
          .as("%s is governable", p.specName())
          .isEqualTo(id != ParamId.CHECKPOINT_INTERVAL_BLOCKS);
      assertThat(id.accepts(p.min())).as("min of %s", p.specName()).isTrue();
      assertThat(id.accepts(p.max())).as("max of %s", p.specName()).isTrue();
    }
  }

  @Test
  void configValuesReachTheLedgerUnchanged() {
    Parameters config =
        Parameters.with(
            java.util.Map.of(Parameter.TRUST_BETA, 250_000L, Parameter.BONUS_TOKENS, 7L));
    var ledger = LedgerGenesis.ledgerParameters(config);
    assertThat(ledger.get(ParamId.TRUST_BETA_PPM)).isEqualTo(250_000);
    assertThat(ledger.get(ParamId.BONUS_TOKENS)).isEqualTo(7);
  }
}
