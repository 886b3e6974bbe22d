package org.alliancechain.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.alliancechain.contracts.model.Activation;
import org.alliancechain.contracts.model.Arg;
import org.alliancechain.contracts.model.Call;
import org.alliancechain.contracts.model.Conjunction;
import org.alliancechain.contracts.model.Contract;
import org.alliancechain.contracts.model.ContractAttributes;
import org.alliancechain.contracts.model.Obligation;
import org.alliancechain.contracts.model.Parties;
import org.alliancechain.contracts.model.Party;

/** Random valid, fully bound contracts for property tests. */
public final class ContractGenerator {
  private static final String[] QUALITY = {
    "money_amount",
    "patent_value",
    "book_value",
    "market_value",
    "information_collection",
    "carbon_score"
  };

  private ContractGenerator() {}

  public static Contract contract(SplittableRandom random) {
    int providers = 1 + random.nextInt(4);
    TreeMap<String, String> params = new TreeMap<>();
    List<Party> beneficiaries = new ArrayList<>();
    for (int i = 1; i <= providers; i++) {
      beneficiaries.add(new Party(name(random, "Provider " + i), "address_" + i));
      params.put("address_" + i, "ac1" + Long.toHexString(random.nextLong()) + i);
    }
    String obligorRef = "address_" + (providers + 1);
    params.put(obligorRef, "ac1receiver" + Long.toHexString(random.nextLong()));
    Optional<Party> third = Optional.empty();
    if (random.nextBoolean()) {
      third = Optional.of(new Party("Arbiter", "arbiter_address"));
      params.put("arbiter_address", "ac1arbiter" + random.nextInt(1000));
    }
    Parties parties = new Parties(beneficiaries, new Party("Receiver", obligorRef), third);
    List<Conjunction> preconditions = new ArrayList<>();
    for (int i = 1; i <= providers + 1; i++) {
      preconditions.add(Conjunction.of(Call.refs("act" + i, "signed"), transferred()));
    }
    List<Arg> payees = new ArrayList<>();
    for (int i = 1; i <= providers; i++) {
      payees.add(Arg.ref("address_" + i));
    }
    payees.add(Arg.ref("share"));
    params.put("share", shareValue(random, providers));
    params.put("amount", Long.toString(random.nextLong(0, 1_000_000_000_000L)));
    long start = random.nextLong(0, 2_000_000_000L);
    long end = start + 1000 + random.nextLong(0, 10_000_000L);
    params.put("starting_date", Long.toString(start));
    params.put("ending_date", Long.toString(end));
    int installments = 1 + random.nextInt(12);
    if (installments > 1 || random.nextBoolean()) {
      params.put("installments", Integer.toString(installments));
    }
    List<Call> rules = new ArrayList<>();
    rules.add(Call.refs("date", "starting_date", "ending_date"));
    List<Conjunction> bonusRules = new ArrayList<>();
    int qualities = random.nextInt(3);
    for (int q = 0; q < qualities; q++) {
      String function = QUALITY[random.nextInt(QUALITY.length)];
      String bound = "bound_" + q;
      params.put(bound, Long.toString(random.nextLong(0, 1_000_000)));
      rules.add(Call.refs(function, bound));
      if (random.nextBoolean()) {
        bonusRules.add(Conjunction.of(Call.refs(function, bound), transferred()));
      }
    }
    Optional<Call> bonusPayment = Optional.empty();
    if (!bonusRules.isEmpty()) {
      bonusPayment = Optional.of(Call.refs("token", "bonus_amount", "address_1"));
      params.put("bonus_amount", Long.toString(random.nextLong(0, 1_000_000)));
    }
    Optional<Call> remedy = Optional.empty();
    if (random.nextBoolean()) {
      remedy = Optional.of(Call.refs("cancellation_fee", "fee_amount", "address_1", obligorRef));
      params.put("fee_amount", Long.toString(random.nextLong(0, 10_000)));
    }
    boolean monetary = random.nextInt(4) == 0;
    if (monetary) {
      params.put("escrow_amount", Long.toString(random.nextLong(1, 1_000_000_000)));
    }
    boolean competitive = random.nextBoolean();
    return new Contract(
        new ContractAttributes(
            "resources_sharing", "c-" + random.nextInt(1_000_000), random.nextBoolean(), monetary),
        random.nextInt(10) == 0 ? Activation.DISABLED : Activation.ENABLED,
        parties,
        new Obligation(
            competitive ? Obligation.Kind.LEGAL : Obligation.Kind.MEMBER, Obligation.Duty.TO_DO),
        preconditions,
        new Call("payment", payees),
        Call.refs("token", "share", "amount"),
        rules,
        bonusRules,
        bonusPayment,
        remedy,
        params);
  }

  private static Call transferred() {
    return Call.refs("resources", "transferred");
  }

  private static String name(SplittableRandom random, String base) {
    return random.nextBoolean() ? base.replace(' ', '_') : base + " Corp.";
  }

  private static String shareValue(SplittableRandom random, int providers) {
    if (random.nextBoolean()) {
      return "equal";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < providers; i++) {
      if (i > 0) {
        out.append(':');
      }
      out.append(1 + random.nextInt(10_000));
    }
    return out.toString();
  }
}
