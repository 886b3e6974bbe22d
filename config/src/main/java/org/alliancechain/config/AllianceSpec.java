package org.alliancechain.config;

import java.util.List;
import java.util.Optional;

/** The validated alliance spec file (SPEC M-30): everything bootstrap needs. */
public record AllianceSpec(
    String name,
    String chainId,
    Mode mode,
    List<MemberSpec> members,
    String gateway,
    List<String> committee,
    Parameters parameters) {
  public AllianceSpec {
    members = List.copyOf(members);
    committee = List.copyOf(committee);
  }

  public Optional<MemberSpec> member(String memberName) {
    return members.stream().filter(m -> m.name().equals(memberName)).findFirst();
  }

  public List<MemberSpec> validators() {
    return members.stream().filter(MemberSpec::isValidator).toList();
  }
}
