package org.alliancechain.cli.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.alliancechain.contracts.sharing.Acceptance;
import org.alliancechain.contracts.sharing.AllianceMode;
import org.alliancechain.contracts.sharing.Offer;
import org.alliancechain.contracts.sharing.Request;
import org.alliancechain.contracts.sharing.ResourceType;
import org.alliancechain.contracts.sharing.SharingLifecycle.DraftTerms;
import org.alliancechain.core.crypto.Address;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.hash.Sha256;
import org.alliancechain.core.tx.Transaction;
import org.alliancechain.token.engine.ContractsEngine;
import org.alliancechain.token.engine.Lifecycle;
import org.alliancechain.token.tx.TokenTx;
import org.alliancechain.token.tx.TxCodec;

/**
 * The {@code sharing} workload, pre-signed: the cooperative workflow of SPEC M-5 to M-19, one
 * requester and one provider per sharing, seven transactions each: request, offer, accept (the
 * ledger drafts the standardized contract), the provider's signature, the provider's resource
 * binding (hash and size, M-18), the requester's signature, and the acknowledgement that fulfils
 * the contract and issues the contribution tokens (M-19). Sender s requests from s + 1 and provides
 * to s - 1.
 *
 * <p>Each sender's nonces run in waves of {@code width} sharings per step: all its requests of the
 * wave, then its offers (each after the matching request of s - 1 is committed), its accepts, its
 * provider signatures, its bindings, its own signatures, its acknowledgements. So a step waits for
 * the previous step of the neighbour, not for each sharing in turn, and {@code width} sharings per
 * sender are in progress at once.
 */
final class SharingWorkload extends Workload {
  static final int STEPS = 7;
  static final int WIDTH_MAX = 250;

  private static final String[] STEP_NAMES = {
    "request", "offer", "accept", "sign-provider", "bind", "sign-requester", "acknowledge"
  };

  private final int width;

  private SharingWorkload(int senders, int perSender, int width, byte[][] bodies, String[] hashes) {
    super(senders, perSender, bodies, hashes);
    this.width = width;
  }

  /**
   * Signs at least {@code perSenderAtLeast} transactions for each key (rounded up to whole waves).
   *
   * @param nowSeconds wall-clock seconds at signing: deadlines and contract dates derive from it
   * @param rewardTokens the alliance's reward standard (cooperative requests must offer it)
   */
  static SharingWorkload sign(
      String chainId,
      List<KeyPair> keys,
      int perSenderAtLeast,
      long nowSeconds,
      long deadlineAheadSeconds,
      long rewardTokens) {
    int senders = keys.size();
    int width = Math.max(1, Math.min(WIDTH_MAX, perSenderAtLeast / STEPS));
    int waves = Math.max(1, (perSenderAtLeast + STEPS * width - 1) / (STEPS * width));
    int perSender = waves * STEPS * width;
    byte[][] bodies = new byte[senders * perSender][];
    String[] hashes = new String[bodies.length];
    Plan plan = new Plan(senders, width, nowSeconds, deadlineAheadSeconds, rewardTokens, keys);
    IntStream.range(0, senders)
        .parallel()
        .forEach(
            s -> {
              for (int n = 0; n < perSender; n++) {
                Transaction tx = plan.transaction(chainId, s, n);
                int id = n * senders + s;
                bodies[id] = tx.encode();
                hashes[id] = tx.hash().toHex();
              }
            });
    return new SharingWorkload(senders, perSender, width, bodies, hashes);
  }

  /** What nonce {@code n} of sender {@code s} is: wave, step and sharing index within the wave. */
  private record Slot(int wave, int step, int k) {
    static Slot of(int n, int width) {
      int perWave = STEPS * width;
      return new Slot(n / perWave, (n % perWave) / width, n % width);
    }

    int nonce(int width) {
      return wave * STEPS * width + step * width + k;
    }
  }

  private record Plan(
      int senders,
      int width,
      long nowSeconds,
      long deadlineAheadSeconds,
      long rewardTokens,
      List<KeyPair> keys) {

    Transaction transaction(String chainId, int s, int n) {
      Slot slot = Slot.of(n, width);
      int requester = Math.floorMod(s - 1, senders); // whom s provides to
      String own = slot.wave() + "-" + s + "-" + slot.k(); // the sharing s requests
      String theirs = slot.wave() + "-" + requester + "-" + slot.k(); // the one s provides for
      Lifecycle step =
          switch (slot.step()) {
            case 0 -> new Lifecycle.SubmitRequest(request(s, own));
            case 1 -> new Lifecycle.SubmitOffer(offer(s, theirs));
            case 2 ->
                new Lifecycle.AcceptOffers(
                    new Acceptance("q-" + own, List.of(new Acceptance.Accepted("o-" + own, 1))),
                    "c-" + own,
                    new DraftTerms(nowSeconds, nowSeconds + deadlineAheadSeconds, 1, 0, 0, false));
            case 3 -> new Lifecycle.Sign("c-" + theirs);
            case 4 ->
                new Lifecycle.BindResource(
                    "c-" + theirs,
                    0,
                    Sha256.hash(theirs.getBytes(StandardCharsets.UTF_8)),
                    4096,
                    false);
            case 5 -> new Lifecycle.Sign("c-" + own);
            case 6 -> new Lifecycle.AckTransfer("c-" + own, 0, new TreeMap<>());
            default -> throw new IllegalStateException("step " + slot.step());
          };
      TokenTx tx = new TokenTx.Lifecycle(step.kind(), ContractsEngine.encode(step));
      return Transaction.sign(keys.get(s), chainId, n, tx.kind().code(), TxCodec.encode(tx));
    }

    private Request request(int s, String own) {
      String me = Address.of(keys.get(s).publicKey()).toText();
      return new Request(
          "q-" + own,
          AllianceMode.COOPERATIVE,
          me,
          me,
          ResourceType.DATA,
          "bench data set",
          1,
          List.of(),
          rewardTokens,
          nowSeconds + deadlineAheadSeconds,
          Optional.empty());
    }

    private Offer offer(int s, String theirs) {
      String me = Address.of(keys.get(s).publicKey()).toText();
      return new Offer("o-" + theirs, "q-" + theirs, me, me, "bench data", "bench provider", 0);
    }
  }

  @Override
  String name() {
    return "sharing";
  }

  /**
   * The offer waits for the request, the accept for the offer, the provider's signature for the
   * accept, the acknowledgement for the provider's binding (which follows its signature).
   */
  @Override
  int dependency(int id) {
    int senders = senders();
    int s = id % senders;
    Slot slot = Slot.of(id / senders, width);
    int other =
        switch (slot.step()) {
          case 1, 3 -> Math.floorMod(s - 1, senders); // the requester of the sharing s provides
          case 2, 6 -> (s + 1) % senders; // the provider of the sharing s requests
          default -> -1;
        };
    if (other < 0) {
      return -1;
    }
    int step =
        switch (slot.step()) {
          case 1 -> 0; // offer after request
          case 2 -> 1; // accept after offer
          case 3 -> 2; // provider's signature after accept
          default -> 4; // acknowledgement after binding
        };
    int nonce = new Slot(slot.wave(), step, slot.k()).nonce(width);
    return nonce * senders + other;
  }

  @Override
  String step(int id) {
    return STEP_NAMES[Slot.of(id / senders(), width).step()];
  }
}
