package org.telecube.warehouse.model;

import java.util.List;

/** A small fixed member list that becomes the lookup table {@code dim_<name>}. */
public record Enumeration(String name, List<Member> members) {
  public Enumeration {
    members = List.copyOf(members);
  }

  public String table() {
    return "dim_" + name;
  }

  public boolean contains(String code) {
    return members.stream().anyMatch(m -> m.code().equals(code));
  }
}
