package org.alliancechain.contracts.lang;

import java.nio.charset.StandardCharsets;
import org.alliancechain.contracts.model.AddressRule;
import org.alliancechain.contracts.model.Contract;
import org.alliancechain.contracts.xml.ContractException;
import org.alliancechain.contracts.xml.SafeXmlParser;

/**
 * Document to contract: the hardened XML parse, the grammar, then the semantic checks. Throws
 * {@link ContractException} listing every error with line, column (where known) and element.
 */
public final class ContractParser {
  private ContractParser() {}

  public static Contract parse(byte[] document, AddressRule addressRule) {
    ContractReader.Read read = ContractReader.read(SafeXmlParser.parse(document));
    ContractValidator.Checked checked =
        ContractValidator.check(read.contract(), read.sourceMap(), addressRule);
    if (!checked.valid()) {
      throw new ContractException(checked.errors());
    }
    return read.contract();
  }

  public static Contract parse(String document) {
    return parse(document.getBytes(StandardCharsets.UTF_8), AddressRule.DEFAULT);
  }

  /** Parses and binds: the contract must have every placeholder bound. */
  public static BoundContract parseBound(String document, AddressRule addressRule) {
    Contract contract = parse(document.getBytes(StandardCharsets.UTF_8), addressRule);
    return ContractValidator.check(contract, SourceMap.NONE, addressRule)
        .bound()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "contract "
                        + contract.id()
                        + " is a template: bind its placeholders in a <parameters> block first"));
  }
}
