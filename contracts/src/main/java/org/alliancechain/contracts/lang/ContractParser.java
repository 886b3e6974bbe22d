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
    return parseChecked(document, addressRule).contract();
  }

  private record Parsed(Contract contract, ContractValidator.Checked checked) {}

  // The hardened parse, the grammar and one pass of the semantic checks (which also bind).
  private static Parsed parseChecked(byte[] document, AddressRule addressRule) {
    ContractReader.Read read = ContractReader.read(SafeXmlParser.parse(document));
    ContractValidator.Checked checked =
        ContractValidator.check(read.contract(), read.sourceMap(), addressRule);
    if (!checked.valid()) {
      throw new ContractException(checked.errors());
    }
    return new Parsed(read.contract(), checked);
  }

  public static Contract parse(String document) {
    return parse(document.getBytes(StandardCharsets.UTF_8), AddressRule.DEFAULT);
  }

  /**
   * Parses and binds: the contract must have every placeholder bound. One pass of the semantic
   * checks: binding is part of them (it used to parse, then check again to bind).
   */
  public static BoundContract parseBound(String document, AddressRule addressRule) {
    Parsed parsed = parseChecked(document.getBytes(StandardCharsets.UTF_8), addressRule);
    return parsed
        .checked()
        .bound()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "contract "
                        + parsed.contract().id()
                        + " is a template: bind its placeholders in a <parameters> block first"));
  }

  /**
   * The document a contract built in code prints to, if it reads back to the same contract (the
   * templates' guard before they hand out a document); empty if it does not. The caller has checked
   * the contract; what reads back equal to it is that contract, so it is not checked a second time.
   */
  public static java.util.Optional<String> printIfItReadsBack(Contract contract) {
    String printed = ContractPrinter.print(contract);
    Contract read =
        ContractReader.read(SafeXmlParser.parse(printed.getBytes(StandardCharsets.UTF_8)))
            .contract();
    return read.equals(contract) ? java.util.Optional.of(printed) : java.util.Optional.empty();
  }
}
