package org.alliancechain.contracts.model;

import java.util.Optional;
import org.alliancechain.contracts.ContractLimits;
import org.alliancechain.core.crypto.Address;
import org.alliancechain.core.crypto.AddressFormatException;

/**
 * Decides whether a bound address value is well formed. Addresses are opaque strings to this
 * module; node-core's address type will plug in here, so the interface stays one method.
 */
@FunctionalInterface
public interface AddressRule {
  /** Empty when {@code address} is acceptable, else what was expected. */
  Optional<String> problem(String address);

  /**
   * The ledger's rule: the printable form of node-core's {@link Address} ({@code ac1}, 40 hex
   * digits, checksum).
   */
  AddressRule NODE_CORE =
      address -> {
        try {
          Address.parse(address);
          return Optional.empty();
        } catch (AddressFormatException e) {
          return Optional.of(
              "a member address (" + e.getMessage() + "), found \"" + address + "\"");
        }
      };

  /**
   * A permissive shape check (1 to 128 characters of {@code [A-Za-z0-9._:-]}) for documents and
   * tests that use readable stand-ins for addresses; the ledger uses {@link #NODE_CORE}.
   */
  AddressRule DEFAULT =
      address -> {
        boolean ok =
            !address.isEmpty()
                && address.length() <= ContractLimits.ADDRESS_CHARS_MAX
                && address
                    .chars()
                    .allMatch(
                        c ->
                            (c >= 'a' && c <= 'z')
                                || (c >= 'A' && c <= 'Z')
                                || (c >= '0' && c <= '9')
                                || c == '.'
                                || c == '_'
                                || c == ':'
                                || c == '-');
        return ok
            ? Optional.empty()
            : Optional.of(
                "an address of 1 to "
                    + ContractLimits.ADDRESS_CHARS_MAX
                    + " characters [A-Za-z0-9._:-], found \""
                    + address
                    + "\"");
      };
}
