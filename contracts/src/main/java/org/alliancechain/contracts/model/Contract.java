package org.alliancechain.contracts.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A contract document as a value. Element order and optionality follow the grammar in
 * docs/contracts.md; an empty list stands for an absent optional repeated element, and an empty
 * {@code parameters} map for an absent {@code <parameters>} block (a template).
 */
public record Contract(
    ContractAttributes attributes,
    Activation activation,
    Parties parties,
    Obligation obligation,
    List<Conjunction> preconditions,
    Call performanceType,
    Call performanceObject,
    List<Call> ruleConditions,
    List<Conjunction> bonusRules,
    Optional<Call> bonusPayment,
    Optional<Call> remedy,
    SortedMap<String, String> parameters) {

  public Contract {
    preconditions = List.copyOf(preconditions);
    ruleConditions = List.copyOf(ruleConditions);
    bonusRules = List.copyOf(bonusRules);
    parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
  }

  public String id() {
    return attributes.contractId();
  }

  /** The same contract with its placeholders bound (replacing any earlier binding). */
  public Contract withParameters(Map<String, String> values) {
    return new Contract(
        attributes,
        activation,
        parties,
        obligation,
        preconditions,
        performanceType,
        performanceObject,
        ruleConditions,
        bonusRules,
        bonusPayment,
        remedy,
        new TreeMap<>(values));
  }

  public Contract withAttributes(ContractAttributes newAttributes) {
    return new Contract(
        newAttributes,
        activation,
        parties,
        obligation,
        preconditions,
        performanceType,
        performanceObject,
        ruleConditions,
        bonusRules,
        bonusPayment,
        remedy,
        parameters);
  }
}
