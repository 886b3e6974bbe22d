package org.alliancechain.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.crypto.KeyPair;
import org.junit.jupiter.api.Test;

// ARCHITECTURE rule 3: the batch carries each transaction's one canonical encoding unchanged.
class TxBatchTest {
  private static final KeyPair KEY = KeyPair.fromSeed(new byte[32]);

  private static List<Transaction> transactions(int count) {
    List<Transaction> txs = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      txs.add(Transaction.sign(KEY, "alliance-1", n, 7, Bytes.wrap(new byte[] {(byte) n})));
    }
    return txs;
  }

  @Test
  void decodesWhatItEncodesInOrder() {
    List<Transaction> txs = transactions(5);
    assertThat(TxBatch.decode(TxBatch.encode(txs))).containsExactlyElementsOf(txs);
  }

  @Test
  void encodingFromEncodedTransactionsGivesTheSameBytes() {
    List<Transaction> txs = transactions(3);
    List<byte[]> encoded = txs.stream().map(Transaction::encode).toList();
    assertThat(TxBatch.encodeEncoded(encoded)).isEqualTo(TxBatch.encode(txs));
  }

  @Test
  void anEmptyBatchIsFourZeroBytes() {
    assertThat(TxBatch.encode(List.of())).containsExactly(0, 0, 0, 0);
    assertThat(TxBatch.decode(new byte[4])).isEmpty();
  }

  @Test
  void rejectsTrailingAndMissingBytes() {
    byte[] bytes = TxBatch.encode(transactions(2));
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
    assertThatThrownBy(() -> TxBatch.decode(longer)).isInstanceOf(DecodeException.class);
    byte[] shorter = Arrays.copyOf(bytes, bytes.length - 1);
    assertThatThrownBy(() -> TxBatch.decode(shorter)).isInstanceOf(DecodeException.class);
  }

  @Test
  void rejectsACountOverTheLimit() {
    byte[] bytes = {0, 0, 0x10, 0x01}; // 4,097 > COUNT_MAX
    assertThatThrownBy(() -> TxBatch.decode(bytes)).isInstanceOf(DecodeException.class);
    List<byte[]> tooMany = new ArrayList<>();
    for (int i = 0; i <= TxBatch.COUNT_MAX; i++) {
      tooMany.add(new byte[0]);
    }
    assertThatThrownBy(() -> TxBatch.encodeEncoded(tooMany))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
