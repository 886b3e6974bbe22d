package org.alliancechain.contracts.interp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.alliancechain.contracts.ContractLimits;
import org.alliancechain.contracts.Seeds;
import org.alliancechain.core.codec.DecodeException;
import org.junit.jupiter.api.Test;

class ContractStatusCodecTest {
  @Test
  void decodeOfEncodeIsTheIdentity() {
    SplittableRandom random = Seeds.random("contracts.status");
    List<ContractState> states = List.of(ContractState.values());
    for (int i = 0; i < 1000; i++) {
      ContractStatus status =
          new ContractStatus(
              states.get(random.nextInt(states.size())),
              random.nextInt(ContractLimits.INSTALLMENT_COUNT_MAX + 1),
              random.nextBoolean(),
              random.nextBoolean(),
              random.nextBoolean(),
              random.nextBoolean()
                  ? Optional.empty()
                  : Optional.of("reason é " + random.nextLong()));
      assertThat(ContractStatusCodec.decode(ContractStatusCodec.encode(status))).isEqualTo(status);
    }
  }

  @Test
  void longReasonsAreCutOnACharacterBoundary() {
    String reason = "漢".repeat(ContractLimits.STATUS_REASON_BYTES_MAX);
    ContractStatus status = ContractStatus.drafted().withState(ContractState.ESCALATED, reason);
    String stored =
        ContractStatusCodec.decode(ContractStatusCodec.encode(status)).reason().orElseThrow();
    assertThat(reason).startsWith(stored);
    assertThat(stored).hasSize(ContractLimits.STATUS_REASON_BYTES_MAX / 3); // 3 UTF-8 bytes each
  }

  @Test
  void rejectsUnknownStateCodesAndTrailingBytes() {
    byte[] bytes = ContractStatusCodec.encode(ContractStatus.drafted());
    bytes[1] = 7;
    assertThatThrownBy(() -> ContractStatusCodec.decode(bytes)).isInstanceOf(DecodeException.class);
    byte[] good = ContractStatusCodec.encode(ContractStatus.drafted());
    byte[] longer = java.util.Arrays.copyOf(good, good.length + 1);
    assertThatThrownBy(() -> ContractStatusCodec.decode(longer))
        .isInstanceOfSatisfying(
            DecodeException.class,
            e -> assertThat(e.reason()).isEqualTo(DecodeException.Reason.TRAILING_BYTES));
  }
}
