package org.alliancechain.contracts.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.alliancechain.contracts.template.ContractTemplates;
import org.alliancechain.contracts.xml.ContractException;
import org.alliancechain.core.crypto.Address;
import org.junit.jupiter.api.Test;

class AddressRuleTest {
  private static String address(int seed) {
    byte[] bytes = new byte[Address.SIZE_BYTES];
    bytes[0] = (byte) seed;
    return Address.fromBytes(bytes).toText();
  }

  @Test
  void nodeCoreRuleAcceptsRealAddressesAndNamesTheProblemOtherwise() {
    String good = address(1);
    assertThat(AddressRule.NODE_CORE.problem(good)).isEmpty();
    String damaged = good.substring(0, good.length() - 1) + (good.endsWith("0") ? "1" : "0");
    assertThat(AddressRule.NODE_CORE.problem(damaged))
        .hasValueSatisfying(p -> assertThat(p).contains("WRONG_CHECKSUM"));
    assertThat(AddressRule.NODE_CORE.problem("ac1provider"))
        .hasValueSatisfying(p -> assertThat(p).contains("WRONG_LENGTH"));
  }

  @Test
  void templatesInstantiatedWithRealAddressesValidateUnderTheLedgerRule() {
    var terms = new ContractTemplates.Terms(10, 0, 10, 1, 0, OptionalLong.empty());
    var input =
        new ContractTemplates.Standardized(
            "a-1",
            List.of(new ContractTemplates.PartyRef("P", address(1))),
            new ContractTemplates.PartyRef("R", address(2)),
            terms);
    assertThat(ContractTemplates.standardized(input, AddressRule.NODE_CORE).parameters())
        .containsValue(address(2));
    var standIn =
        new ContractTemplates.Standardized(
            "a-1",
            List.of(new ContractTemplates.PartyRef("P", "ac1p")),
            new ContractTemplates.PartyRef("R", address(2)),
            terms);
    try {
      ContractTemplates.standardized(standIn, AddressRule.NODE_CORE);
      throw new AssertionError("a stand-in address must fail the ledger rule");
    } catch (ContractException e) {
      assertThat(e.first().message()).contains("ac1p");
    }
  }
}
